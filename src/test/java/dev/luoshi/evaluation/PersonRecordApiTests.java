package dev.luoshi.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deputy district head's record of results (实绩档案) for 2026, read on Monday 2026-06-15:
 * the tasks she is responsible for and their milestones, the notices and published
 * rankings of the bureau in her portfolio.
 */
@DatabaseTest
class PersonRecordApiTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	Api admin;

	Api supervisor;

	Api operator;

	Api outsider;

	long district;

	long bureau;

	long otherBureau;

	long leader;

	long campaign;

	@BeforeEach
	void setUp() {
		this.clock.set(ZonedDateTime.of(2026, 6, 15, 9, 0, 0, 0, SHANGHAI));
		this.admin = new Api(this.port).asAdmin();
		Fixtures fixtures = new Fixtures(this.admin);
		this.district = fixtures.unit("临江区", "REGION", null);
		this.bureau = fixtures.unit("区住建局", "DEPARTMENT", this.district);
		this.otherBureau = fixtures.unit("区统计局", "DEPARTMENT", this.district);
		this.leader = this.admin.post("/api/v1/people", Map.of("name", "孙海燕", "unitId", this.district, "title", "副区长"))
			.id();
		assertThat(
				this.admin.put("/api/v1/people/" + this.leader + "/portfolio", Map.of("unitIds", List.of(this.bureau)))
					.status())
			.isEqualTo(200);
		this.supervisor = new Api(this.port).as(fixtures.user(this.district, "SUPERVISOR"), Api.PASSWORD);
		this.operator = new Api(this.port).as(fixtures.user(this.bureau, "UNIT_OPERATOR"), Api.PASSWORD);
		this.outsider = new Api(this.port).as(fixtures.user(this.otherBureau, "UNIT_HEAD"), Api.PASSWORD);
		Api.Response created = this.supervisor.post("/api/v1/campaigns",
				Map.of("code", Fixtures.unique("GJ"), "name", "城市更新攻坚行动", "year", 2026, "leadLeaderId", this.leader,
						"leadUnitId", this.bureau, "startDate", "2026-01-01", "endDate", "2026-12-31",
						"taskForceUserIds", List.of()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.campaign = created.id();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theRecordCountsTasksMilestonesNoticesAndPublishedRankingsOfTheYear() {
		this.clock.set(ZonedDateTime.of(2025, 12, 19, 10, 0, 0, 0, SHANGHAI));
		notice(this.bureau, "SUPERVISE");
		this.clock.set(ZonedDateTime.of(2026, 6, 15, 9, 0, 0, 0, SHANGHAI));
		notice(this.bureau, "REMINDER");
		notice(this.bureau, "REMINDER");
		notice(this.bureau, "SUPERVISE");
		notice(this.otherBureau, "INTERVIEW");

		JsonNode renewal = task("老旧小区改造", "2026-12-31", this.leader, List.of(milestone("完成摸底", "2026-03-10"),
				milestone("完成设计", "2026-04-30"), milestone("主体完工", "2026-09-30")));
		complete(renewal, 0, "2026-03-09");
		complete(renewal, 1, "2026-05-10");
		accept(report(renewal.path("id").asLong(), 50));
		task("加装电梯", "2026-05-31", this.leader, List.of(milestone("开工 20 台", "2026-05-20")));
		JsonNode alleys = task("背街小巷整治", "2026-06-30", this.leader, List.of(milestone("完成整治", "2026-06-01")));
		complete(alleys, 0, "2026-06-01");
		accept(report(alleys.path("id").asLong(), 100));
		long someoneElse = this.admin.post("/api/v1/people", Map.of("name", "刘振华", "unitId", this.district)).id();
		task("道路提升", "2026-12-31", someoneElse, List.of(milestone("开工", "2026-04-01")));

		long scheme = scheme();
		ranking(scheme, "2026Q1", "PUBLISHED", 2, 5, "92.50");
		ranking(scheme, "2026Q2", "COMPUTED", 1, 2, "95.00");
		this.jdbc
			.sql("insert into annual_result (scheme_id, cal_year, unit_id, peer_group, quarter_mean, annual_items, "
					+ "score, rank_no, grade, computed_at) values (?, 2026, ?, 'DEPARTMENTS', 90, 2, 92, 3, 'EXCELLENT', ?)")
			.params(scheme, this.bureau, Timestamp.from(Instant.now()))
			.update();

		Api.Response response = this.operator.get("/api/v1/people/" + this.leader + "/record?year=2026");
		assertThat(response.status()).as("the leader sits at the district, outside a bureau operator's scope")
			.isEqualTo(403);
		JsonNode record = this.supervisor.get("/api/v1/people/" + this.leader + "/record?year=2026").json();

		assertThat(record.path("person").path("name").asString()).isEqualTo("孙海燕");
		assertThat(record.path("units").valueStream().map((u) -> u.path("id").asLong())).containsExactly(this.district,
				this.bureau);
		JsonNode tasks = record.path("tasks");
		assertThat(tasks.path("total").asInt()).isEqualTo(3);
		assertThat(tasks.path("done").asInt()).isEqualTo(1);
		assertThat(tasks.path("overdue").asInt()).as("加装电梯, due 2026-05-31").isEqualTo(1);
		assertThat(tasks.path("red").asInt()).isEqualTo(1);
		assertThat(tasks.path("items").valueStream().map((t) -> t.path("title").asString())).containsExactly("加装电梯",
				"背街小巷整治", "老旧小区改造");
		assertThat(tasks.path("items").get(0).path("light").asString()).isEqualTo("RED");
		assertThat(tasks.path("items").get(0).path("deadline").asString()).isEqualTo("2026-05-31");
		JsonNode milestones = record.path("milestones");
		assertThat(milestones.path("due").asInt()).isEqualTo(5);
		assertThat(milestones.path("done").asInt()).isEqualTo(3);
		assertThat(milestones.path("onTime").asInt()).as("摸底 and 整治; 设计 was ten days late").isEqualTo(2);
		JsonNode notices = record.path("notices");
		assertThat(notices.path("total").asInt()).isEqualTo(3);
		assertThat(notices.path("byLevel").path("REMINDER").asInt()).isEqualTo(2);
		assertThat(notices.path("byLevel").path("SUPERVISE").asInt()).isEqualTo(1);
		assertThat(notices.path("byLevel").path("INTERVIEW").asInt()).isZero();
		JsonNode rankings = record.path("rankings");
		assertThat(rankings).as("only the published quarter").hasSize(1);
		assertThat(rankings.get(0).path("schemeName").asString()).isEqualTo("2026年度部门综合考核");
		assertThat(rankings.get(0).path("period").asString()).isEqualTo("2026Q1");
		assertThat(rankings.get(0).path("unitName").asString()).isEqualTo("区住建局");
		assertThat(rankings.get(0).path("rank").asInt()).isEqualTo(2);
		assertThat(rankings.get(0).path("previousRank").asInt()).isEqualTo(5);
		assertThat(rankings.get(0).path("movement").asInt()).as("up three places").isEqualTo(3);
		assertThat(rankings.get(0).path("score").decimalValue()).isEqualByComparingTo("92.50");
		JsonNode grades = record.path("annualGrades");
		assertThat(grades).hasSize(1);
		assertThat(grades.get(0).path("grade").asString()).isEqualTo("EXCELLENT");
		assertThat(grades.get(0).path("rank").asInt()).isEqualTo(3);
		assertThat(record.path("awards")).isEmpty();

		JsonNode lastYear = this.supervisor.get("/api/v1/people/" + this.leader + "/record?year=2025").json();
		assertThat(lastYear.path("tasks").path("total").asInt()).isZero();
		assertThat(lastYear.path("notices").path("byLevel").path("SUPERVISE").asInt()).isEqualTo(1);
		assertThat(lastYear.path("rankings")).isEmpty();
	}

	@Test
	void aRecordIsReadWithinTheDataScopeOnly() {
		long engineer = this.admin.post("/api/v1/people", Map.of("name", "萧敏", "unitId", this.bureau, "title", "科长"))
			.id();

		assertThat(this.operator.get("/api/v1/people/" + engineer + "/record").status()).isEqualTo(200);
		assertThat(this.operator.get("/api/v1/people/" + engineer + "/record").json().path("year").asInt())
			.isEqualTo(2026);
		assertThat(this.outsider.get("/api/v1/people/" + engineer + "/record").status()).isEqualTo(403);
		assertThat(this.outsider.get("/api/v1/people/" + this.leader + "/record").status()).isEqualTo(403);
		assertThat(this.supervisor.get("/api/v1/people/999999999/record").status()).isEqualTo(404);
		Api.Response badYear = this.supervisor.get("/api/v1/people/" + engineer + "/record?year=1900");
		assertThat(badYear.status()).isEqualTo(400);
		assertThat(badYear.json().path("errors").get(0).path("field").asString()).isEqualTo("year");
	}

	private void notice(long unit, String level) {
		Api.Response issued = this.supervisor.post("/api/v1/notices",
				Map.of("unitId", unit, "level", level, "subject", "加装电梯开工数量未达目标"));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
	}

	private JsonNode task(String title, String deadline, long responsible, List<Map<String, Object>> milestones) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("leadUnitId", this.bureau);
		body.put("deadline", deadline);
		body.put("responsibleLeaderId", responsible);
		body.put("milestones", milestones);
		Api.Response created = this.supervisor.post("/api/v1/campaigns/" + this.campaign + "/tasks", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	private static Map<String, Object> milestone(String name, String dueDate) {
		return Map.of("name", name, "dueDate", dueDate);
	}

	private void complete(JsonNode task, int index, String on) {
		long milestone = task.path("milestones").get(index).path("id").asLong();
		Api.Response completed = this.operator.post("/api/v1/milestones/" + milestone + "/complete",
				Map.of("completedOn", on));
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
	}

	private Api.Response report(long task, int percent) {
		return this.operator.post("/api/v1/tasks/" + task + "/reports",
				Map.of("period", "2026-06", "percent", percent, "narrative", "按计划推进"));
	}

	private void accept(Api.Response report) {
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
		Api.Response review = this.supervisor.post("/api/v1/reports/" + report.id() + "/review",
				Map.of("decision", "ACCEPT", "comment", "属实"));
		assertThat(review.status()).as(review.toString()).isEqualTo(200);
	}

	private long scheme() {
		String code = Fixtures.unique("KH");
		this.jdbc
			.sql("insert into scheme (code, name, cal_year, bonus_cap, penalty_cap, excellent_quota, good_floor, "
					+ "fair_floor, created_at) values (?, '2026年度部门综合考核', 2026, 5, 10, 0.3, 80, 60, ?)")
			.params(code, Timestamp.from(Instant.now()))
			.update();
		return this.jdbc.sql("select id from scheme where code = ?").param(code).query(Long.class).single();
	}

	private void ranking(long scheme, String period, String status, int rank, int previous, String score) {
		this.jdbc.sql("insert into ranking (scheme_id, period, status, computed_at) values (?, ?, ?, ?)")
			.params(scheme, period, status, Timestamp.from(Instant.now()))
			.update();
		long ranking = this.jdbc.sql("select id from ranking where scheme_id = ? and period = ?")
			.params(scheme, period)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into ranking_entry (ranking_id, unit_id, peer_group, score, weighted, bonus, penalty, "
				+ "exempted, rank_no, previous_rank, breakdown) values (?, ?, 'DEPARTMENTS', ?, ?, 0, 0, 0, ?, ?, '[]')")
			.params(ranking, this.bureau, new java.math.BigDecimal(score), new java.math.BigDecimal(score), rank,
					previous)
			.update();
	}

}
