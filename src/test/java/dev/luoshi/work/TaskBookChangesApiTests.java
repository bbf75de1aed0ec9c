package dev.luoshi.work;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing a task book after it is launched: adjustments, moves, evidence, portfolios,
 * missing reports.
 */
@DatabaseTest
class TaskBookChangesApiTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13 };

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api admin;

	Api supervisor;

	Api operator;

	Fixtures fixtures;

	long unit;

	long district;

	long leader;

	long campaign;

	@BeforeEach
	void setUp() {
		this.clock.set(ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		this.admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(this.admin);
		this.district = this.fixtures.unit("临江区", "REGION", null);
		this.unit = this.fixtures.unit("区文旅局", "DEPARTMENT", this.district);
		this.leader = this.admin.post("/api/v1/people", Map.of("name", "周明", "unitId", this.district)).id();
		this.supervisor = new Api(this.port).as(this.fixtures.user(this.district, "SUPERVISOR"), Api.PASSWORD);
		this.operator = new Api(this.port).as(this.fixtures.user(this.unit, "UNIT_OPERATOR"), Api.PASSWORD);
		this.campaign = this.supervisor.post("/api/v1/campaigns",
				Map.of("code", Fixtures.unique("LY"), "name", "旅游突破攻坚行动", "year", 2026, "leadLeaderId", this.leader,
						"leadUnitId", this.unit, "startDate", "2026-01-01", "endDate", "2026-12-31"))
			.id();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anApprovedExtensionMovesTheDeadlineAndKeepsTheBaseline() {
		long task = task("江滨夜游项目开放", "2026-06-30", null);
		Api.Response early = this.operator.post("/api/v1/tasks/" + task + "/adjustments",
				Map.of("kind", "EXTEND_DEADLINE", "reason", "游船交付推迟", "newDeadline", "2026-05-31"));
		Api.Response request = this.operator.post("/api/v1/tasks/" + task + "/adjustments",
				Map.of("kind", "EXTEND_DEADLINE", "reason", "游船交付推迟", "newDeadline", "2026-09-30"));
		Api.Response second = this.operator.post("/api/v1/tasks/" + task + "/adjustments",
				Map.of("kind", "CANCEL", "reason", "再议"));

		assertThat(early.status()).isEqualTo(400);
		assertThat(request.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(409);
		assertThat(this.operator.post("/api/v1/task-adjustments/" + request.id() + "/decide", Map.of("approved", true))
			.status()).isEqualTo(403);
		Api.Response decided = this.supervisor.post("/api/v1/task-adjustments/" + request.id() + "/decide",
				Map.of("approved", true, "comment", "同意延期"));
		assertThat(decided.json().path("status").asString()).isEqualTo("APPROVED");
		JsonNode after = this.admin.get("/api/v1/tasks/" + task).json();
		assertThat(after.path("deadline").asString()).isEqualTo("2026-09-30");
		assertThat(after.path("baselineDeadline").asString()).isEqualTo("2026-06-30");
		assertThat(
				this.supervisor.post("/api/v1/task-adjustments/" + request.id() + "/decide", Map.of("approved", false))
					.status())
			.isEqualTo(409);
	}

	@Test
	void anApprovedCancellationTakesTheTaskOutOfTheRollUp() {
		long parent = task("景区提档升级", "2026-12-31", null);
		long cancelled = task("索道建设", "2026-12-31", parent);
		task("游客中心", "2026-12-31", parent);
		long request = this.operator
			.post("/api/v1/tasks/" + cancelled + "/adjustments", Map.of("kind", "CANCEL", "reason", "规划调整，不再建设"))
			.id();

		this.supervisor.post("/api/v1/task-adjustments/" + request + "/decide", Map.of("approved", true));

		assertThat(this.admin.get("/api/v1/tasks/" + cancelled).json().path("status").asString())
			.isEqualTo("CANCELLED");
		assertThat(
				this.admin.get("/api/v1/tasks?status=OPEN&campaignId=" + this.campaign).json().path("total").asLong())
			.isEqualTo(2);
	}

	@Test
	void tasksMoveWithinTheTreeAndRenumber() {
		long first = task("甲", "2026-12-31", null);
		long second = task("乙", "2026-12-31", null);
		long child = task("丙", "2026-06-30", first);

		Api.Response moved = this.supervisor.post("/api/v1/tasks/" + child + "/move",
				Map.of("parentId", second, "position", 1));
		Api.Response reordered = this.supervisor.post("/api/v1/tasks/" + second + "/move", Map.of("position", 1));
		Api.Response loop = this.supervisor.post("/api/v1/tasks/" + second + "/move", Map.of("parentId", child));

		assertThat(moved.json().path("code").asString()).isEqualTo("2.1");
		assertThat(reordered.json().path("code").asString()).isEqualTo("1");
		assertThat(this.admin.get("/api/v1/tasks/" + child).json().path("code").asString()).isEqualTo("1.1");
		assertThat(this.admin.get("/api/v1/tasks/" + first).json().path("code").asString()).isEqualTo("2");
		assertThat(loop.status()).isEqualTo(400);
	}

	@Test
	void evidenceIsCheckedByTypeAndContentAndStoredUnderItsOwnName() {
		long task = task("智慧旅游平台上线", "2026-06-30", null);
		long report = this.operator
			.post("/api/v1/tasks/" + task + "/reports",
					Map.of("period", "2026-03", "percent", 30, "narrative", "平台已完成招标"))
			.id();

		Api.Response photo = this.operator.upload("/api/v1/reports/" + report + "/evidence", "../../现场照片.png",
				"image/png", PNG);
		Api.Response fake = this.operator.upload("/api/v1/reports/" + report + "/evidence", "x.png", "image/png",
				"<script>".getBytes(StandardCharsets.UTF_8));
		Api.Response script = this.operator.upload("/api/v1/reports/" + report + "/evidence", "x.html", "text/html",
				"<script>".getBytes(StandardCharsets.UTF_8));

		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		assertThat(photo.json().path("fileName").asString()).isEqualTo("现场照片.png");
		assertThat(fake.status()).isEqualTo(400);
		assertThat(script.status()).isEqualTo(400);
		assertThat(this.supervisor.get("/api/v1/reports/" + report + "/evidence").json().size()).isEqualTo(1);
		Api.Response download = this.supervisor.get("/api/v1/evidence/" + photo.id());
		assertThat(download.bytes()).isEqualTo(PNG);
		assertThat(download.contentType()).isEqualTo("image/png");
	}

	@Test
	void theImplementationPlanIsAttachedToTheCampaign() {
		byte[] pdf = "%PDF-1.4 实施方案".getBytes(StandardCharsets.UTF_8);

		Api.Response attached = this.supervisor.upload("/api/v1/campaigns/" + this.campaign + "/attachments",
				"实施方案.pdf", "application/pdf", pdf);
		Api.Response byOperator = this.operator.upload("/api/v1/campaigns/" + this.campaign + "/attachments", "x.pdf",
				"application/pdf", pdf);

		assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
		assertThat(byOperator.status()).isEqualTo(403);
		assertThat(this.operator.get("/api/v1/campaigns/" + this.campaign + "/attachments")
			.json()
			.get(0)
			.path("fileName")
			.asString()).isEqualTo("实施方案.pdf");
		assertThat(this.operator.get("/api/v1/campaign-attachments/" + attached.id()).bytes()).isEqualTo(pdf);
	}

	@Test
	void aLeaderWithTheCampaignInThePortfolioSeesItWhole() {
		long office = this.fixtures.unit("区委办公室", "DEPARTMENT", null);
		long chen = this.admin.post("/api/v1/people", Map.of("name", "陈立群", "unitId", office)).id();
		String username = Fixtures.unique("chen").toLowerCase();
		this.admin.post("/api/v1/users",
				Map.of("username", username, "password", Api.PASSWORD, "personId", chen, "roles", List.of("LEADER")));
		Api leaderApi = new Api(this.port).as(username, Api.PASSWORD);
		long task = task("文旅节会", "2026-12-31", null);
		assertThat(leaderApi.get("/api/v1/tasks/" + task).status()).isEqualTo(403);

		Api.Response assigned = this.supervisor.put("/api/v1/campaigns/" + this.campaign + "/leaders",
				Map.of("personIds", List.of(chen)));

		assertThat(assigned.json().path("portfolioLeaderIds").get(0).asLong()).isEqualTo(chen);
		assertThat(leaderApi.get("/api/v1/tasks/" + task).status()).isEqualTo(200);
		assertThat(leaderApi.get("/api/v1/campaigns").json().size()).isEqualTo(1);
	}

	@Test
	void aUnitSeesWhichReportsAreMissingAndOverdue() {
		long filed = task("举办文旅节会", "2026-12-31", null);
		long missing = task("发放文旅消费券", "2026-12-31", null);
		this.operator.post("/api/v1/tasks/" + filed + "/reports",
				Map.of("period", "2026-02", "percent", 20, "narrative", "已举办2场"));

		JsonNode status = this.operator.get("/api/v1/units/" + this.unit + "/reporting?month=2026-02").json();

		assertThat(status.path("tasks").size()).isEqualTo(2);
		JsonNode byId = status.path("tasks")
			.valueStream()
			.filter((item) -> item.path("taskId").asLong() == missing)
			.findFirst()
			.orElseThrow();
		assertThat(byId.path("missing").asBoolean()).isTrue();
		assertThat(byId.path("overdue").asBoolean()).isTrue();
		assertThat(byId.path("dueOn").asString()).isEqualTo("2026-02-25");
		assertThat(this.operator.get("/api/v1/units/" + this.district + "/reporting").status()).isEqualTo(403);
	}

	private long task(String title, String deadline, Long parent) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("leadUnitId", this.unit);
		body.put("deadline", deadline);
		if (parent != null) {
			body.put("parentId", parent);
		}
		Api.Response created = this.supervisor.post("/api/v1/campaigns/" + this.campaign + "/tasks", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

}
