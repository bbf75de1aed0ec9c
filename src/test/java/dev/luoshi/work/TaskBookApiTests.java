package dev.luoshi.work;

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

/** The task book over HTTP, with the clock at 2026-03-16 09:00 in Shanghai. */
@DatabaseTest
class TaskBookApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api admin;

	Api supervisor;

	Api leadOperator;

	Api streetOperator;

	Api outsider;

	Fixtures fixtures;

	long leadUnit;

	long cooperatingUnit;

	long street;

	long campaign;

	long leader;

	@BeforeEach
	void setUp() {
		this.clock.set(ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		this.admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(this.admin);
		long district = this.fixtures.unit("临江区", "REGION", null);
		this.leadUnit = this.fixtures.unit("区住建局", "DEPARTMENT", district);
		this.cooperatingUnit = this.fixtures.unit("区自然资源局", "DEPARTMENT", district);
		this.street = this.fixtures.unit("江滨街道", "STREET", district);
		long uninvolved = this.fixtures.unit("区统计局", "DEPARTMENT", district);
		this.leader = this.admin.post("/api/v1/people", Map.of("name", "孙海燕", "unitId", district, "title", "副区长")).id();
		this.supervisor = new Api(this.port).as(this.fixtures.user(district, "SUPERVISOR"), Api.PASSWORD);
		this.leadOperator = new Api(this.port).as(this.fixtures.user(this.leadUnit, "UNIT_OPERATOR"), Api.PASSWORD);
		this.streetOperator = new Api(this.port).as(this.fixtures.user(this.street, "UNIT_OPERATOR"), Api.PASSWORD);
		this.outsider = new Api(this.port).as(this.fixtures.user(uninvolved, "UNIT_OPERATOR"), Api.PASSWORD);
		Api.Response created = this.supervisor.post("/api/v1/campaigns",
				Map.of("code", Fixtures.unique("GJ"), "name", "城市建设管理攻坚行动", "year", 2026, "leadLeaderId", this.leader,
						"leadUnitId", this.leadUnit, "startDate", "2026-01-01", "endDate", "2026-12-31",
						"taskForceUserIds", List.of(), "phases",
						List.of(Map.of("name", "一年重谋划", "startDate", "2026-01-01", "endDate", "2026-12-31"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.campaign = created.id();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aMilestoneSixtyWorkingDaysBeforeTheYearsEndIsDueOnTheNinthOfOctober() {
		Api.Response task = addTask(
				task("老旧小区改造", "2026-12-31", null, List.of(Map.of("name", "完成主体施工", "workingDaysBeforeDeadline", 60))));

		assertThat(task.status()).isEqualTo(201);
		assertThat(task.json().path("milestones").get(0).path("dueDate").asString()).isEqualTo("2026-10-09");
		assertThat(task.json().path("code").asString()).isNotBlank();
	}

	@Test
	void anUndoneMilestonePastItsDateIsRedUntilItIsCompleted() {
		Api.Response task = addTask(
				task("背街小巷整治", "2026-12-31", null, List.of(Map.of("name", "完成摸底", "dueDate", "2026-03-10"))));
		assertThat(task.json().path("light").asString()).isEqualTo("RED");
		long milestone = task.json().path("milestones").get(0).path("id").asLong();

		Api.Response completed = this.leadOperator.post("/api/v1/milestones/" + milestone + "/complete",
				Map.of("completedOn", "2026-03-12", "note", "摸底台账已建立"));

		assertThat(completed.status()).isEqualTo(200);
		assertThat(light(task.id())).isNotEqualTo("RED");
		assertThat(this.leadOperator
			.post("/api/v1/milestones/" + milestone + "/complete", Map.of("completedOn", "2026-03-12"))
			.status()).isEqualTo(409);
		assertThat(
				this.outsider.post("/api/v1/milestones/" + milestone + "/complete", Map.of("completedOn", "2026-03-12"))
					.status())
			.isEqualTo(403);
	}

	@Test
	void progressTwentyPointsBehindTimeElapsedIsYellowAndAheadIsGreen() {
		long behind = addTask(task("雨污分流改造", "2026-06-30", null, List.of())).id();
		long ahead = addTask(task("口袋公园建设", "2026-06-30", null, List.of())).id();

		accept(report(this.leadOperator, behind, "2026-03", 21));
		accept(report(this.leadOperator, ahead, "2026-03", 60));

		assertThat(light(behind)).isEqualTo("YELLOW");
		assertThat(light(ahead)).isEqualTo("GREEN");
		assertThat(this.admin.get("/api/v1/tasks/" + ahead).json().path("progress").asDouble()).isEqualTo(60.0);
	}

	@Test
	void aParentShowsTheWorstLightAndTheWeightedProgressOfItsChildren() {
		long parent = addTask(task("城市更新", "2026-12-31", null, List.of())).id();
		Map<String, Object> heavy = task("片区改造", "2026-12-31", parent, List.of());
		heavy.put("weight", 3);
		long first = addTask(heavy).id();
		long second = addTask(
				task("管网改造", "2026-12-31", parent, List.of(Map.of("name", "开工", "dueDate", "2026-03-01"))))
			.id();

		accept(report(this.leadOperator, first, "2026-03", 40));

		JsonNode tree = this.admin.get("/api/v1/campaigns/" + this.campaign + "/tasks").json();
		JsonNode root = tree.get(0);
		assertThat(root.path("code").asString()).isEqualTo("1");
		assertThat(root.path("children").get(0).path("code").asString()).isEqualTo("1.1");
		assertThat(root.path("children").get(1).path("code").asString()).isEqualTo("1.2");
		assertThat(root.path("light").asString()).isEqualTo("RED");
		assertThat(root.path("progress").asDouble()).isEqualTo(30.0);
		assertThat(light(second)).isEqualTo("RED");
		assertThat(light(first)).isEqualTo("GREEN");
	}

	@Test
	void aReportOf100AcceptedCompletesTheTask() {
		long task = addTask(task("路灯维修", "2026-06-30", null, List.of())).id();

		accept(report(this.leadOperator, task, "2026-03", 100));

		JsonNode done = this.admin.get("/api/v1/tasks/" + task).json();
		assertThat(done.path("light").asString()).isEqualTo("DONE");
		assertThat(done.path("status").asString()).isEqualTo("DONE");
	}

	@Test
	void onlyOperatorsOfInvolvedUnitsReport() {
		Map<String, Object> spec = task("江滨路提升", "2026-09-30", null, List.of());
		spec.put("cooperatingUnitIds", List.of(this.cooperatingUnit));
		spec.put("territorialUnitId", this.street);
		long task = addTask(spec).id();

		assertThat(report(this.outsider, task, "2026-03", 10).status()).isEqualTo(403);
		assertThat(report(this.streetOperator, task, "2026-03", 10).status()).isEqualTo(403);
		assertThat(report(this.leadOperator, task, "2026-03", 10).status()).isEqualTo(201);
		assertThat(this.supervisor.post("/api/v1/tasks/" + task + "/reports", reportBody("2026-03", 10)).status())
			.isEqualTo(403);
	}

	@Test
	void aStreetListsOnlyTheTasksItTakesPartIn() {
		Map<String, Object> inStreet = task("江滨街道立面改造", "2026-09-30", null, List.of());
		inStreet.put("territorialUnitId", this.street);
		long visible = addTask(inStreet).id();
		long hidden = addTask(task("区级档案馆建设", "2026-09-30", null, List.of())).id();

		JsonNode list = this.streetOperator.get("/api/v1/tasks?campaignId=" + this.campaign).json();

		assertThat(list.path("total").asLong()).isEqualTo(1);
		assertThat(list.path("items").get(0).path("id").asLong()).isEqualTo(visible);
		assertThat(this.streetOperator.get("/api/v1/tasks/" + hidden).status()).isEqualTo(403);
		assertThat(this.streetOperator.get("/api/v1/campaigns/" + this.campaign + "/tasks").json().size()).isEqualTo(1);
		assertThat(this.outsider.get("/api/v1/campaigns/" + this.campaign).status()).isEqualTo(403);
		assertThat(this.admin.get("/api/v1/tasks?campaignId=" + this.campaign).json().path("total").asLong())
			.isEqualTo(2);
	}

	@Test
	void theOverdueListFiltersByLight() {
		long red = addTask(task("违建拆除", "2026-12-31", null, List.of(Map.of("name", "摸排", "dueDate", "2026-03-02"))))
			.id();
		addTask(task("绿化提升", "2026-12-31", null, List.of()));

		JsonNode list = this.supervisor.get("/api/v1/tasks?light=RED&campaignId=" + this.campaign).json();

		assertThat(list.path("items").valueStream().map((t) -> t.path("id").asLong())).containsExactly(red);
	}

	@Test
	void theCampaignListShowsEachCampaignAsItsOwnPageDoes() {
		addTask(task("违建拆除", "2026-12-31", null, List.of(Map.of("name", "摸排", "dueDate", "2026-03-02"))));
		addTask(task("绿化提升", "2026-12-31", null, List.of()));
		long second = this.supervisor.post("/api/v1/campaigns",
				Map.of("code", Fixtures.unique("GJ"), "name", "产业提升攻坚行动", "year", 2026, "leadLeaderId", this.leader,
						"leadUnitId", this.cooperatingUnit, "startDate", "2026-01-01", "endDate", "2026-12-31",
						"taskForceUserIds", List.of(), "phases",
						List.of(Map.of("name", "上半年", "startDate", "2026-01-01", "endDate", "2026-06-30"),
								Map.of("name", "下半年", "startDate", "2026-07-01", "endDate", "2026-12-31"))))
			.id();
		this.supervisor.put("/api/v1/campaigns/" + second + "/leaders", Map.of("personIds", List.of(this.leader)));

		JsonNode list = this.supervisor.get("/api/v1/campaigns").json();

		for (long id : List.of(this.campaign, second)) {
			JsonNode listed = list.valueStream().filter((c) -> c.path("id").asLong() == id).findFirst().orElseThrow();
			assertThat(listed).isEqualTo(this.supervisor.get("/api/v1/campaigns/" + id).json());
		}
		JsonNode first = list.valueStream()
			.filter((c) -> c.path("id").asLong() == this.campaign)
			.findFirst()
			.orElseThrow();
		JsonNode lights = first.path("lights");
		assertThat(lights.path("red").asLong()).isEqualTo(1);
		assertThat(lights.path("green").asLong() + lights.path("yellow").asLong() + lights.path("red").asLong()
				+ lights.path("done").asLong())
			.isEqualTo(2);
		assertThat(first.path("leadLeader").path("name").asString()).isEqualTo("孙海燕");
	}

	@Test
	void theTotalsOfEachLightAreTheTasksThatShowIt() {
		long red = addTask(task("违章广告清理", "2026-12-31", null, List.of(Map.of("name", "摸排", "dueDate", "2026-03-02"))))
			.id();
		long child = addTask(task("主干道清理", "2026-12-31", red, List.of())).id();
		addTask(task("背街小巷清理", "2026-12-31", null, List.of()));
		assertThat(lightTotalsAgreeWithTheTasks()).containsEntry("RED", 1L);

		accept(report(this.leadOperator, child, "2026-03", 100));
		long milestone = this.admin.get("/api/v1/tasks/" + red).json().path("milestones").get(0).path("id").asLong();
		assertThat(this.supervisor
			.post("/api/v1/milestones/" + milestone + "/complete", Map.of("completedOn", "2026-03-02"))
			.status()).isEqualTo(200);

		assertThat(lightTotalsAgreeWithTheTasks()).doesNotContainKey("RED");
	}

	/**
	 * Checks each light's total, in all campaigns and in this one, against the tasks
	 * listed page by page; returns this campaign's lights.
	 */
	private Map<String, Long> lightTotalsAgreeWithTheTasks() {
		Map<String, Long> everywhere = new java.util.TreeMap<>();
		Map<String, Long> here = new java.util.TreeMap<>();
		for (int page = 0;; page++) {
			JsonNode items = this.admin.get("/api/v1/tasks?size=500&page=" + page).json().path("items");
			items.forEach((task) -> {
				everywhere.merge(task.path("light").asString(), 1L, Long::sum);
				if (task.path("campaignId").asLong() == this.campaign) {
					here.merge(task.path("light").asString(), 1L, Long::sum);
				}
			});
			if (items.size() < 500) {
				break;
			}
		}
		for (String light : List.of("DONE", "GREEN", "YELLOW", "RED")) {
			assertThat(this.supervisor.get("/api/v1/tasks?size=1&light=" + light).json().path("total").asLong())
				.as("tasks showing %s", light)
				.isEqualTo(everywhere.getOrDefault(light, 0L));
			assertThat(this.supervisor.get("/api/v1/tasks?size=1&light=" + light + "&campaignId=" + this.campaign)
				.json()
				.path("total")
				.asLong()).as("tasks of the campaign showing %s", light).isEqualTo(here.getOrDefault(light, 0L));
		}
		return here;
	}

	@Test
	void badTasksAreRefusedNamingTheField() {
		long parent = addTask(task("城市更新", "2026-06-30", null, List.of())).id();

		Api.Response lateChild = addTask(task("片区改造", "2026-09-30", parent, List.of()));
		Map<String, Object> unknownUnit = task("x", "2026-06-30", null, List.of());
		unknownUnit.put("leadUnitId", 987654321);
		Api.Response badUnit = addTask(unknownUnit);
		Api.Response badMilestone = addTask(
				task("x", "2026-06-30", null, List.of(Map.of("name", "晚于截止", "dueDate", "2026-07-30"))));

		assertThat(lateChild.status()).isEqualTo(400);
		assertThat(lateChild.json().path("errors").get(0).path("field").asString()).isEqualTo("deadline");
		assertThat(badUnit.status()).isEqualTo(400);
		assertThat(badUnit.json().path("errors").get(0).path("field").asString()).isEqualTo("leadUnitId");
		assertThat(badMilestone.status()).isEqualTo(400);
		assertThat(this.leadOperator
			.post("/api/v1/campaigns/" + this.campaign + "/tasks", task("x", "2026-06-30", null, List.of()))
			.status()).isEqualTo(403);
		assertThat(this.admin.get("/api/v1/tasks?campaignId=" + this.campaign).json().path("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void reviewsFollowTheirRules() {
		long task = addTask(task("公厕改造", "2026-06-30", null, List.of())).id();
		long report = report(this.leadOperator, task, "2026-03", 30).id();

		assertThat(report(this.leadOperator, task, "2026-05", 30).status()).isEqualTo(400);
		assertThat(report(this.leadOperator, task, "2026/03", 30).status()).isEqualTo(400);
		assertThat(report(this.leadOperator, task, "2026-03", 130).status()).isEqualTo(400);
		assertThat(this.supervisor.post("/api/v1/reports/" + report + "/review", Map.of("decision", "RETURN")).status())
			.isEqualTo(400);
		assertThat(
				this.leadOperator.post("/api/v1/reports/" + report + "/review", Map.of("decision", "ACCEPT")).status())
			.isEqualTo(403);
		Api.Response returned = this.supervisor.post("/api/v1/reports/" + report + "/review",
				Map.of("decision", "RETURN", "comment", "请补充现场照片"));
		assertThat(returned.json().path("status").asString()).isEqualTo("RETURNED");
		assertThat(this.supervisor.post("/api/v1/reports/" + report + "/review", Map.of("decision", "ACCEPT")).status())
			.isEqualTo(409);
		JsonNode history = this.leadOperator.get("/api/v1/tasks/" + task + "/reports").json();
		assertThat(history.path("total").asLong()).isEqualTo(1);
		assertThat(history.path("items").get(0).path("reviewComment").asString()).isEqualTo("请补充现场照片");
	}

	@Test
	void aMovedDeadlineKeepsTheFirstPlanAsBaselineAndReschedulesBackwardMilestones() {
		Api.Response task = addTask(
				task("停车场建设", "2026-12-31", null, List.of(Map.of("name", "完成主体施工", "workingDaysBeforeDeadline", 60))));
		int version = task.json().path("version").asInt();

		Api.Response moved = this.supervisor.patch("/api/v1/tasks/" + task.id(),
				Map.of("deadline", "2026-11-30", "version", version));
		Api.Response stale = this.supervisor.patch("/api/v1/tasks/" + task.id(),
				Map.of("title", "x", "version", version));

		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().path("baselineDeadline").asString()).isEqualTo("2026-12-31");
		assertThat(moved.json().path("milestones").get(0).path("baselineDate").asString()).isEqualTo("2026-10-09");
		assertThat(moved.json().path("milestones").get(0).path("dueDate").asString()).isEqualTo("2026-09-01");
		assertThat(stale.status()).isEqualTo(409);
	}

	@Test
	void eachLeadUnitSignsItsLetterOnceAndALaterChangeShows() {
		long task = addTask(task("老旧管网改造", "2026-12-31", null, List.of())).id();
		Map<String, Object> other = task("地灾点治理", "2026-12-31", null, List.of());
		other.put("leadUnitId", this.cooperatingUnit);
		addTask(other);
		Api head = new Api(this.port).as(this.fixtures.user(this.leadUnit, "UNIT_HEAD"), Api.PASSWORD);
		Api otherHead = new Api(this.port).as(this.fixtures.user(this.cooperatingUnit, "UNIT_HEAD"), Api.PASSWORD);

		JsonNode letters = this.supervisor.post("/api/v1/campaigns/" + this.campaign + "/letters", Map.of()).json();
		assertThat(letters.size()).isEqualTo(2);
		JsonNode mine = letters.valueStream()
			.filter((letter) -> letter.path("unitId").asLong() == this.leadUnit)
			.findFirst()
			.orElseThrow();
		long letter = mine.path("id").asLong();
		assertThat(mine.path("taskIds").get(0).asLong()).isEqualTo(task);

		assertThat(otherHead.post("/api/v1/letters/" + letter + "/sign", Map.of()).status()).isEqualTo(403);
		assertThat(this.leadOperator.post("/api/v1/letters/" + letter + "/sign", Map.of()).status()).isEqualTo(403);
		Api.Response signed = head.post("/api/v1/letters/" + letter + "/sign", Map.of());
		assertThat(signed.status()).isEqualTo(200);
		assertThat(signed.json().path("digest").asString()).hasSize(64);
		assertThat(signed.json().path("signedAt").asString()).isNotBlank();
		assertThat(signed.json().path("matchesCurrent").asBoolean()).isTrue();
		assertThat(head.post("/api/v1/letters/" + letter + "/sign", Map.of()).status()).isEqualTo(409);
		assertThat(this.supervisor.post("/api/v1/campaigns/" + this.campaign + "/letters", Map.of()).json().size())
			.isEqualTo(2);

		int version = this.admin.get("/api/v1/tasks/" + task).json().path("version").asInt();
		this.supervisor.patch("/api/v1/tasks/" + task, Map.of("deadline", "2026-10-31", "version", version));

		JsonNode after = this.supervisor.get("/api/v1/campaigns/" + this.campaign + "/letters")
			.json()
			.valueStream()
			.filter((l) -> l.path("id").asLong() == letter)
			.findFirst()
			.orElseThrow();
		assertThat(after.path("matchesCurrent").asBoolean()).isFalse();
		assertThat(after.path("digest").asString()).isEqualTo(signed.json().path("digest").asString());
		assertThat(after.path("content").asString()).contains("2026-12-31");
	}

	private Api.Response addTask(Map<String, Object> body) {
		return this.supervisor.post("/api/v1/campaigns/" + this.campaign + "/tasks", body);
	}

	private Map<String, Object> task(String title, String deadline, Long parent, List<Map<String, Object>> milestones) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("leadUnitId", this.leadUnit);
		body.put("deadline", deadline);
		body.put("responsibleLeaderId", this.leader);
		body.put("target", Map.of("indicator", "完成率", "value", 100, "unit", "%"));
		body.put("milestones", milestones);
		if (parent != null) {
			body.put("parentId", parent);
		}
		return body;
	}

	private static Map<String, Object> reportBody(String period, int percent) {
		return Map.of("period", period, "percent", percent, "narrative", "按计划推进", "problems", "无", "nextSteps", "继续推进");
	}

	private Api.Response report(Api operator, long task, String period, int percent) {
		return operator.post("/api/v1/tasks/" + task + "/reports", reportBody(period, percent));
	}

	private void accept(Api.Response report) {
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
		Api.Response review = this.supervisor.post("/api/v1/reports/" + report.id() + "/review",
				Map.of("decision", "ACCEPT", "comment", "属实"));
		assertThat(review.status()).as(review.toString()).isEqualTo(200);
	}

	private String light(long task) {
		return this.admin.get("/api/v1/tasks/" + task).json().path("light").asString();
	}

}
