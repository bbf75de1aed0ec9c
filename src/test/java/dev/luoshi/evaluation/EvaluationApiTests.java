package dev.luoshi.evaluation;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
 * The horse race over two quarters of 2026 among three streets, every number worked out
 * by hand in the comments: tasks, milestones, investment, notices and assessors' scores;
 * a penalty, its exemption restoring a rank; the published quarter frozen; the year
 * graded with a 30% quota.
 */
@DatabaseTest
class EvaluationApiTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Fixtures fixtures;

	String group;

	long district;

	long a;

	long b;

	long c;

	String supervisorName;

	String otherSupervisorName;

	String headOfA;

	Map<Long, String> operators = new HashMap<>();

	long leader;

	long campaign;

	long headquarters;

	@BeforeEach
	void setUp() {
		at(2026, 4, 1);
		Api admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(admin);
		this.group = Fixtures.unique("STREETS");
		this.district = this.fixtures.unit("临江区", "REGION", null);
		this.a = street(admin, "江滨街道");
		this.b = street(admin, "老城街道");
		this.c = street(admin, "新区街道");
		this.supervisorName = this.fixtures.user(this.district, "SUPERVISOR");
		this.otherSupervisorName = this.fixtures.user(this.district, "SUPERVISOR");
		this.headOfA = this.fixtures.user(this.a, "UNIT_HEAD");
		for (long unit : List.of(this.a, this.b, this.c)) {
			this.operators.put(unit, this.fixtures.user(unit, "UNIT_OPERATOR"));
		}
		this.leader = admin.post("/api/v1/people", Map.of("name", "周明", "unitId", this.district, "title", "区长")).id();
		Api office = supervisor();
		this.campaign = created(office.post("/api/v1/campaigns",
				Map.of("code", Fixtures.unique("GJ"), "name", "街道治理攻坚行动", "year", 2026, "leadLeaderId", this.leader,
						"leadUnitId", this.district, "startDate", "2026-01-01", "endDate", "2026-12-31",
						"taskForceUserIds", List.of(), "phases",
						List.of(Map.of("name", "全年", "startDate", "2026-01-01", "endDate", "2026-12-31")))));
		this.headquarters = created(
				office.post("/api/v1/headquarters", Map.of("code", Fixtures.unique("HQ"), "name", "重点项目建设总指挥部")));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void twoQuartersRankedGradedAndExemptedAsWorkedOutByHand() {
		Api office = supervisor();
		// the task book: A leads t1 (due 31 May) and t2 (due 30 June), B t3 (15 June), C
		// t4
		// (20 June) and t5 (31 December, not due in either quarter)
		long t1 = task(office, this.a, "背街小巷整治", "2026-05-31", "2026-05-15");
		long t2 = task(office, this.a, "老旧小区加装电梯", "2026-06-30", "2026-06-10");
		long t3 = task(office, this.b, "农贸市场提升", "2026-06-15", "2026-06-01");
		task(office, this.c, "雨污分流改造", "2026-06-20", "2026-06-10");
		task(office, this.c, "口袋公园建设", "2026-12-31", null);
		// a year's plan of 100 a month for A's and B's projects; C leads none
		long projectOfA = project(office, this.a);
		long projectOfB = project(office, this.b);

		at(2026, 6, 25);
		office = supervisor();
		completeMilestone(this.a, t1, "2026-05-10"); // on time
		completeMilestone(this.a, t2, "2026-06-20"); // ten days late
		completeMilestone(this.b, t3, "2026-06-01"); // on the day
		finish(office, this.a, t1, "2026-06");
		finish(office, this.b, t3, "2026-06");
		fileFigures(this.a, projectOfA, List.of("01", "02", "03", "04", "05", "06"), "75.00"); // 450
		fileFigures(this.b, projectOfB, List.of("01", "02", "03", "04", "05", "06"), "110.00"); // 660
		notice(office, this.a, "URGE");
		notice(office, this.c, "SUPERVISE");

		Map<String, Object> scheme = scheme();
		assertThat(office.post("/api/v1/schemes", without(scheme, "indicators")).status()).isEqualTo(400);
		assertThat(operator(this.a).post("/api/v1/schemes", scheme).status()).isEqualTo(403);
		long schemeId = created(office.post("/api/v1/schemes", scheme));
		assertThat(office.post("/api/v1/schemes", scheme).status()).as("same code").isEqualTo(409);

		at(2026, 7, 10);
		office = supervisor();
		score(office, schemeId, "2026Q2", this.a, 80);
		score(office, schemeId, "2026Q2", this.b, 70);
		score(office, schemeId, "2026Q2", this.c, 90);
		assertThat(office
			.post("/api/v1/schemes/" + schemeId + "/scores",
					Map.of("period", "2026Q2", "unitId", this.a, "indicator", "ASR", "score", 101))
			.status()).isEqualTo(400);
		assertThat(office
			.post("/api/v1/schemes/" + schemeId + "/scores",
					Map.of("period", "2026Q2", "unitId", this.a, "indicator", "TC", "score", 50))
			.status()).isEqualTo(400);
		long penaltyOfB = item(office, schemeId, this.b, "2026Q2", "PENALTY", "5", "农贸市场安全检查发现问题");
		item(office, schemeId, this.c, "2026Q2", "BONUS", "3", "获市级表彰");

		JsonNode q2 = compute(office, schemeId, "2026Q2");
		// A: TC 1 of 2 done = 50; MS 1 of 2 on time = 50; INV 450/600 = 75; SUP 100 − 5 =
		// 95;
		// ASR 80 → (50·30 + 50·20 + 75·20 + 95·10 + 80·20) / 100 = 65.50
		// B: 100, 100, INV 660/600 capped 100, 100, 70 → 94.00, less 5 = 89.00
		// C: TC 0 of 1; MS 0 of 1; INV none (left out); SUP 100 − 10 = 90; ASR 90
		// → (0 + 0 + 90·10 + 90·20) / 80 = 33.75, plus 3 = 36.75
		assertEntry(q2, this.b, "89.00", 1, null);
		assertEntry(q2, this.a, "65.50", 2, null);
		assertEntry(q2, this.c, "36.75", 3, null);
		JsonNode aInQ2 = entry(q2, this.a);
		assertThat(part(aInQ2, "INV").path("raw").decimalValue()).isEqualByComparingTo("75.00");
		assertThat(part(entry(q2, this.b), "INV").path("raw").decimalValue()).isEqualByComparingTo("110.00");
		assertThat(part(entry(q2, this.b), "INV").path("score").decimalValue()).isEqualByComparingTo("100");
		assertThat(part(entry(q2, this.c), "INV").path("score").isNumber()).isFalse();
		assertThat(part(aInQ2, "SUP").path("raw").decimalValue()).isEqualByComparingTo("5");
		long q2Id = office.get("/api/v1/schemes/" + schemeId + "/rankings").json().get(0).path("id").asLong();
		assertThat(office.post("/api/v1/rankings/" + q2Id + "/publish", Map.of()).json().path("status").asString())
			.isEqualTo("PUBLISHED");
		assertThat(new Api(this.port).get("/api/v1/rankings?schemeId=" + schemeId + "&period=2026Q2").status())
			.as("the public board")
			.isEqualTo(200);

		at(2026, 8, 20);
		office = supervisor();
		finish(office, this.a, t2, "2026-08");
		notice(office, this.b, "SUPERVISE");

		at(2026, 10, 12);
		office = supervisor();
		fileFigures(this.a, projectOfA, List.of("07", "08", "09"), "150.00"); // 900 by
																				// September
		score(office, schemeId, "2026Q3", this.a, 85);
		score(office, schemeId, "2026Q3", this.b, 80);
		score(office, schemeId, "2026Q3", this.c, 60);
		// data arriving late for a published quarter does not move it
		score(office, schemeId, "2026Q2", this.c, 10);
		assertThat(office.post("/api/v1/schemes/" + schemeId + "/rankings", Map.of("period", "2026Q2")).status())
			.isEqualTo(409);
		assertEntry(rows(office, schemeId, "2026Q2"), this.c, "36.75", 3, null);
		long penaltyOfA = item(office, schemeId, this.a, "2026Q3", "PENALTY", "10", "信访积案化解不力");

		JsonNode q3 = compute(office, schemeId, "2026Q3");
		// no milestone is due in Q3, so MS is left out for everyone (weights 30 + 20 + 10
		// + 20)
		// A: TC 2 of 2 = 100; INV 900/900 = 100; SUP 100; ASR 85 → 7700 / 80 = 96.25,
		// less 10
		// B: TC 100; INV 660/900 = 73.33; SUP 100 − 10 = 90; ASR 80 → 6966.6 / 80 = 87.08
		// C: TC 0 of 1; INV none; SUP 100; ASR 60 → 2200 / 60 = 36.67
		assertEntry(q3, this.b, "87.08", 1, 0);
		assertEntry(q3, this.a, "86.25", 2, 0);
		assertEntry(q3, this.c, "36.67", 3, 0);
		assertThat(anonymous().get("/api/v1/rankings?schemeId=" + schemeId + "&period=2026Q3").status())
			.as("not published")
			.isEqualTo(404);

		// 容错免责: the head of A asks, cannot decide; a supervisor decides
		Api head = as(this.headOfA);
		assertThat(
				operator(this.b).post("/api/v1/exemptions", Map.of("adjustmentId", penaltyOfA, "reason", "x")).status())
			.isEqualTo(403);
		Api.Response asked = head.post("/api/v1/exemptions",
				Map.of("adjustmentId", penaltyOfA, "reason", "积案系历史遗留，已按程序依法处置，符合容错情形"));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
		assertThat(head.post("/api/v1/exemptions", Map.of("adjustmentId", penaltyOfA, "reason", "再次申请")).status())
			.isEqualTo(409);
		assertThat(head.post("/api/v1/exemptions/" + asked.id() + "/decide", Map.of("approved", true)).status())
			.isEqualTo(403);
		Api.Response selfAsked = office.post("/api/v1/exemptions",
				Map.of("adjustmentId", penaltyOfB, "reason", "代为申请"));
		assertThat(office.post("/api/v1/exemptions/" + selfAsked.id() + "/decide", Map.of("approved", true)).status())
			.as("the requester decides its own")
			.isEqualTo(403);
		Api other = as(this.otherSupervisorName);
		Api.Response approved = other.post("/api/v1/exemptions/" + asked.id() + "/decide",
				Map.of("approved", true, "comment", "符合容错免责情形"));
		assertThat(approved.json().path("status").asString()).as(approved.toString()).isEqualTo("APPROVED");
		assertThat(other.post("/api/v1/exemptions/" + asked.id() + "/decide", Map.of("approved", false)).status())
			.isEqualTo(409);

		// the unpublished Q3 is recomputed at once: A is first again, B loses its place
		JsonNode restored = rows(office, schemeId, "2026Q3");
		assertEntry(restored, this.a, "96.25", 1, 1);
		assertEntry(restored, this.b, "87.08", 2, -1);
		assertThat(entry(restored, this.a).path("exempted").decimalValue()).isEqualByComparingTo("10");
		assertThat(entry(restored, this.a).path("adjustments").get(0).path("exempted").asBoolean()).isTrue();
		// the published Q2 keeps B's penalty although it has been asked to be waived
		assertEntry(rows(office, schemeId, "2026Q2"), this.b, "89.00", 1, null);

		long q3Id = office.get("/api/v1/schemes/" + schemeId + "/rankings").json().get(0).path("id").asLong();
		assertThat(office.post("/api/v1/rankings/" + q3Id + "/publish", Map.of()).status()).isEqualTo(200);
		item(office, schemeId, this.c, "2026", "BONUS", "2", "年度专项工作加分");
		Api.Response annual = office.post("/api/v1/schemes/" + schemeId + "/annual", Map.of("year", 2026));
		assertThat(annual.status()).as(annual.toString()).isEqualTo(200);
		// B: (89.00 + 87.08) / 2 = 88.04, the one 优秀 of three (30% of 3 rounds to 1)
		// A: (65.50 + 96.25) / 2 = 80.875 → 80.88, 良好 (at least 80)
		// C: (36.75 + 36.67) / 2 = 36.71, plus 2 = 38.71, 较差 (below 60)
		assertAnnual(annual.json(), this.b, "88.04", 1, "EXCELLENT");
		assertAnnual(annual.json(), this.a, "80.88", 2, "GOOD");
		assertAnnual(annual.json(), this.c, "38.71", 3, "POOR");
		assertThat(office.post("/api/v1/schemes/" + schemeId + "/annual", Map.of("year", 2025)).status())
			.isEqualTo(400);
	}

	@Test
	void aSchemeIsRefusedWithoutIndicatorsOrWithWeightsThatAreNotPositive() {
		Api office = supervisor();
		Map<String, Object> scheme = scheme();
		assertProblem(office.post("/api/v1/schemes", with(scheme, "indicators", List.of())), "indicators");
		List<Map<String, Object>> zero = new ArrayList<>(indicators());
		zero.set(1, Map.of("code", "MS", "name", "节点按时完成率", "kind", "ON_TIME_MILESTONES", "weight", 0));
		assertProblem(office.post("/api/v1/schemes", with(scheme, "indicators", zero)), "indicators[1].weight");
		List<Map<String, Object>> negative = new ArrayList<>(indicators());
		negative.set(0, Map.of("code", "TC", "name", "任务完成率", "kind", "TASK_COMPLETION", "weight", -30));
		assertProblem(office.post("/api/v1/schemes", with(scheme, "indicators", negative)), "indicators[0].weight");
		assertThat(office.post("/api/v1/schemes", with(scheme, "peerGroups", List.of())).status()).isEqualTo(400);
		List<Map<String, Object>> unknown = new ArrayList<>(indicators());
		unknown.set(0, Map.of("code", "TC", "name", "任务完成率", "kind", "LOGINS", "weight", 30));
		assertThat(office.post("/api/v1/schemes", with(scheme, "indicators", unknown)).status()).isEqualTo(400);
		long id = created(office.post("/api/v1/schemes", scheme));
		assertThat(office.post("/api/v1/schemes/" + id + "/rankings", Map.of("period", "2026Q5")).status())
			.isEqualTo(400);
		assertThat(office.post("/api/v1/schemes/" + id + "/rankings", Map.of("period", "2027Q1")).status())
			.isEqualTo(400);
		assertThat(office.post("/api/v1/schemes/" + id + "/annual", Map.of("year", 2026)).status())
			.as("no quarter ranked yet")
			.isEqualTo(409);
		assertThat(office.post("/api/v1/schemes/" + id + "/rankings", Map.of("period", "2026Q1")).status())
			.isEqualTo(200);
		assertThat(office.post("/api/v1/schemes/" + id + "/annual", Map.of("year", 2026)).status())
			.as("a quarter computed but not published does not count")
			.isEqualTo(409);
		List<Map<String, Object>> tiny = new ArrayList<>(indicators());
		tiny.set(1, Map.of("code", "MS", "name", "节点按时完成率", "kind", "ON_TIME_MILESTONES", "weight", 0.00001));
		assertProblem(office.post("/api/v1/schemes", with(scheme, "indicators", tiny)), "indicators[1].weight");
		List<Map<String, Object>> fine = new ArrayList<>(indicators());
		fine.set(3, Map.of("code", "SUP", "name", "督办扣分", "kind", "SUPERVISION_DEDUCTION", "weight", 10, "rule",
				Map.of("URGE", 0.125)));
		assertProblem(office.post("/api/v1/schemes", with(scheme, "indicators", fine)), "indicators[3].rule");
		assertThat(operator(this.a).post("/api/v1/schemes/" + id + "/rankings", Map.of("period", "2026Q1")).status())
			.isEqualTo(403);
		assertThat(operator(this.a)
			.post("/api/v1/adjustments", Map.of("schemeId", id, "unitId", this.a, "period", "2026Q1", "kind", "BONUS",
					"points", 1, "reason", "自评加分"))
			.status()).isEqualTo(403);
		assertThat(
				office
					.post("/api/v1/adjustments",
							Map.of("schemeId", id, "unitId", this.district, "period", "2026Q1", "kind", "BONUS",
									"points", 1, "reason", "不在比拼组"))
					.status())
			.isEqualTo(400);
		int version = office.get("/api/v1/schemes/" + id).json().path("version").asInt();
		Map<String, Object> changed = with(with(scheme, "name", "2026年度街道综合考评（修订）"), "version", version);
		assertThat(office.put("/api/v1/schemes/" + id, changed).status()).isEqualTo(200);
		assertThat(office.put("/api/v1/schemes/" + id, changed).status()).as("stale version").isEqualTo(409);
	}

	@Test
	void monthlyReportsFiledByTheirDueDayMakeTheTimelinessShare() {
		Api office = supervisor();
		long t1 = task(office, this.a, "月报任务一", "2026-12-31", null);
		long t2 = task(office, this.a, "月报任务二", "2026-12-31", null);
		task(office, this.b, "月报任务三", "2026-12-31", null);
		long finished = task(office, this.c, "月报任务四", "2026-12-31", null);
		Map<String, Object> scheme = with(scheme(), "indicators",
				List.of(Map.of("code", "RT", "name", "报送及时率", "kind", "REPORT_TIMELINESS", "weight", 1)));
		long schemeId = created(office.post("/api/v1/schemes", scheme));
		// the campaign's reports are due on the 25th of each month (the default due day)
		at(2026, 4, 20);
		report(this.a, t1, "2026-04");
		report(this.a, t2, "2026-04");
		finish(supervisor(), this.c, finished, "2026-04"); // done in April: no reports
															// after that
		at(2026, 4, 27);
		report(this.b, lastTaskOf(this.b), "2026-04"); // two days late
		at(2026, 5, 25);
		report(this.a, t1, "2026-05");
		at(2026, 6, 24);
		report(this.a, t1, "2026-06");
		report(this.a, t2, "2026-06");
		at(2026, 7, 2);
		office = supervisor();
		JsonNode q2 = compute(office, schemeId, "2026Q2");
		// A: six reports expected (two tasks × April, May, June), five in by the 25th →
		// 83.33
		// B: three expected, none on time → 0
		assertEntry(q2, this.a, "83.33", 2, null);
		assertEntry(q2, this.b, "0.00", 3, null);
		// C finished its one task in April, on time: May and June are not expected → 100
		assertEntry(q2, this.c, "100.00", 1, null);
	}

	@Test
	void economicTargetsAndLandEfficiencyComeFromTheIndicatorModule() {
		Api office = supervisor();
		String gdp = Fixtures.unique("GDP");
		assertThat(office.post("/api/v1/indicators", Map.of("code", gdp, "name", "地区生产总值", "unit", "亿元")).status())
			.isEqualTo(201);
		List<Map<String, Object>> indicators = List.of(
				Map.of("code", "JJ", "name", "地区生产总值完成率", "kind", "ECONOMIC_TARGET", "weight", 1, "rule",
						Map.of("indicator", gdp)),
				Map.of("code", "MJ", "name", "亩均效益", "kind", "LAND_EFFICIENCY", "weight", 1));
		assertThat(office
			.post("/api/v1/schemes",
					with(scheme(), "indicators", List.of(Map.of("code", "JJ", "name", "x", "kind", "ECONOMIC_TARGET",
							"weight", 1, "rule", Map.of("indicator", Fixtures.unique("NONE"))))))
			.status()).isEqualTo(400);
		long schemeId = created(office.post("/api/v1/schemes", with(scheme(), "indicators", indicators)));
		for (Object[] value : new Object[][] { { this.a, "90" }, { this.b, "120" } }) {
			Api.Response entered = office.put("/api/v1/indicator-values",
					Map.of("indicator", gdp, "regionId", value[0], "period", "2026Q1", "target",
							new java.math.BigDecimal("100"), "actual", new java.math.BigDecimal((String) value[1])));
			assertThat(entered.status()).as(entered.toString()).isEqualTo(200);
		}
		String code = "91330100" + String.format("%010d", System.nanoTime() % 10_000_000_000L);
		long enterprise = created(office.post("/api/v1/enterprises", Map.of("code", code, "name",
				Fixtures.unique("临江精密机械有限公司"), "unitId", this.a, "industry", "通用设备制造业", "landArea", 50)));
		assertThat(office
			.put("/api/v1/enterprises/" + enterprise + "/figures/2026",
					Map.of("taxPaid", 10_000_000, "outputValue", 150_000_000, "energyUse", 2_000))
			.status()).isEqualTo(200);

		JsonNode q1 = compute(office, schemeId, "2026Q1");

		// A: GDP 90 of 100 → 90; its one enterprise scores 71.33 → (90 + 71.33) / 2 =
		// 80.67
		// B: GDP 120 of 100 → capped 100; no enterprise, so 亩均 does not apply → 100
		// C: neither applies → 0
		assertEntry(q1, this.b, "100.00", 1, null);
		assertEntry(q1, this.a, "80.67", 2, null);
		assertEntry(q1, this.c, "0.00", 3, null);
		assertThat(part(entry(q1, this.b), "JJ").path("raw").decimalValue()).isEqualByComparingTo("120");
		assertThat(part(entry(q1, this.a), "MJ").path("score").decimalValue()).isEqualByComparingTo("71.33");
	}

	// --- helpers

	private long lastTaskOf(long unit) {
		JsonNode tasks = supervisor().get("/api/v1/tasks?campaignId=" + this.campaign + "&unitId=" + unit).json();
		return tasks.path("items").get(0).path("id").asLong();
	}

	private void report(long unit, long task, String period) {
		Api.Response filed = operator(unit).post("/api/v1/tasks/" + task + "/reports",
				Map.of("period", period, "percent", 30, "narrative", "按计划推进", "problems", "无", "nextSteps", "继续推进"));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
	}

	private Map<String, Object> scheme() {
		Map<String, Object> scheme = new HashMap<>();
		scheme.put("code", Fixtures.unique("KP"));
		scheme.put("name", "2026年度街道综合考评");
		scheme.put("year", 2026);
		scheme.put("peerGroups", List.of(this.group));
		scheme.put("indicators", indicators());
		scheme.put("bonusCap", 5);
		scheme.put("penaltyCap", 10);
		scheme.put("publicBoard", true);
		return scheme;
	}

	private static List<Map<String, Object>> indicators() {
		return List.of(Map.of("code", "TC", "name", "任务完成率", "kind", "TASK_COMPLETION", "weight", 30),
				Map.of("code", "MS", "name", "节点按时完成率", "kind", "ON_TIME_MILESTONES", "weight", 20),
				Map.of("code", "INV", "name", "投资完成率", "kind", "INVESTMENT_COMPLETION", "weight", 20),
				Map.of("code", "SUP", "name", "督办扣分", "kind", "SUPERVISION_DEDUCTION", "weight", 10, "rule",
						Map.of("URGE", 5, "SUPERVISE", 10)),
				Map.of("code", "ASR", "name", "领导评议", "kind", "ASSESSOR_SCORE", "weight", 20));
	}

	private long street(Api admin, String name) {
		return created(admin.post("/api/v1/units", Map.of("code", Fixtures.unique("JD"), "name", name, "kind", "STREET",
				"parentId", this.district, "peerGroup", this.group)));
	}

	private long task(Api office, long unit, String title, String deadline, String milestoneDue) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("leadUnitId", unit);
		body.put("deadline", deadline);
		body.put("responsibleLeaderId", this.leader);
		body.put("target", Map.of("indicator", "完成率", "value", 100, "unit", "%"));
		body.put("milestones",
				(milestoneDue != null) ? List.of(Map.of("name", "完成主体工程", "dueDate", milestoneDue)) : List.of());
		return created(office.post("/api/v1/campaigns/" + this.campaign + "/tasks", body));
	}

	private void completeMilestone(long unit, long task, String on) {
		long milestone = supervisor().get("/api/v1/tasks/" + task).json().path("milestones").get(0).path("id").asLong();
		Api.Response done = operator(unit).post("/api/v1/milestones/" + milestone + "/complete",
				Map.of("completedOn", on));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
	}

	private void finish(Api office, long unit, long task, String period) {
		Api.Response report = operator(unit).post("/api/v1/tasks/" + task + "/reports",
				Map.of("period", period, "percent", 100, "narrative", "已完成", "problems", "无", "nextSteps", "巩固成果"));
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
		Api.Response review = office.post("/api/v1/reports/" + report.id() + "/review",
				Map.of("decision", "ACCEPT", "comment", "属实"));
		assertThat(review.status()).as(review.toString()).isEqualTo(200);
	}

	private long project(Api office, long unit) {
		Map<String, Object> plan = Map.of("year", 2026, "amount", "1200.00", "monthly",
				java.util.Collections.nCopies(12, "100.00"));
		return created(office.post("/api/v1/projects",
				Map.of("code", Fixtures.unique("XM"), "name", "街道更新项目", "category", "INDUSTRY", "headquartersId",
						this.headquarters, "leadUnitId", unit, "totalInvestment", "5000.00", "startDate", "2026-01-01",
						"plannedCompletion", "2027-12-31", "phase", "CONSTRUCTION", "annualPlans", List.of(plan))));
	}

	private void fileFigures(long unit, long project, List<String> months, String amount) {
		for (String month : months) {
			Api.Response filed = operator(unit).post("/api/v1/projects/" + project + "/investment-reports",
					Map.of("month", "2026-" + month, "amount", amount, "narrative", "按月报送"));
			assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		}
	}

	private void notice(Api office, long unit, String level) {
		Api.Response issued = office.post("/api/v1/notices", Map.of("unitId", unit, "level", level, "subject",
				"重点工作推进滞后", "body", "请说明情况。", "responseDueWorkingHours", 16));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
	}

	private void score(Api office, long scheme, String period, long unit, int score) {
		Api.Response entered = office.post("/api/v1/schemes/" + scheme + "/scores",
				Map.of("period", period, "unitId", unit, "indicator", "ASR", "score", score));
		assertThat(entered.status()).as(entered.toString()).isEqualTo(200);
	}

	private long item(Api office, long scheme, long unit, String period, String kind, String points, String reason) {
		return created(office.post("/api/v1/adjustments", Map.of("schemeId", scheme, "unitId", unit, "period", period,
				"kind", kind, "points", points, "reason", reason)));
	}

	/** Computes a ranking and returns its entries as the board shows them. */
	private JsonNode compute(Api office, long scheme, String period) {
		Api.Response computed = office.post("/api/v1/schemes/" + scheme + "/rankings", Map.of("period", period));
		assertThat(computed.status()).as(computed.toString()).isEqualTo(200);
		assertThat(computed.json().path("status").asString()).isEqualTo("COMPUTED");
		assertThat(computed.json().path("units").asInt()).isEqualTo(3);
		return rows(office, scheme, period);
	}

	private JsonNode rows(Api api, long scheme, String period) {
		Api.Response response = api.get("/api/v1/rankings?schemeId=" + scheme + "&period=" + period);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode entry(JsonNode ranking, long unit) {
		JsonNode entries = ranking.has("entries") ? ranking.path("entries") : ranking;
		for (JsonNode entry : entries) {
			if (entry.path("unitId").asLong() == unit) {
				return entry;
			}
		}
		throw new AssertionError("No entry for unit " + unit + " in " + ranking);
	}

	private static JsonNode part(JsonNode entry, String indicator) {
		for (JsonNode part : entry.path("breakdown")) {
			if (part.path("indicator").asString().equals(indicator)) {
				return part;
			}
		}
		throw new AssertionError("No " + indicator + " in " + entry);
	}

	private static void assertEntry(JsonNode ranking, long unit, String score, int rank, Integer movement) {
		JsonNode entry = entry(ranking, unit);
		assertThat(entry.path("score").decimalValue()).as(entry.toString()).isEqualByComparingTo(score);
		assertThat(entry.path("rank").asInt()).as(entry.toString()).isEqualTo(rank);
		if (movement == null) {
			assertThat(entry.path("movement").isMissingNode() || entry.path("movement").isNull()).as(entry.toString())
				.isTrue();
		}
		else {
			assertThat(entry.path("movement").asInt()).as(entry.toString()).isEqualTo(movement);
			assertThat(entry.path("previousRank").asInt()).as(entry.toString()).isEqualTo(rank + movement);
		}
	}

	private static void assertAnnual(JsonNode results, long unit, String score, int rank, String grade) {
		JsonNode result = entry(results, unit);
		assertThat(result.path("score").decimalValue()).as(result.toString()).isEqualByComparingTo(score);
		assertThat(result.path("rank").asInt()).as(result.toString()).isEqualTo(rank);
		assertThat(result.path("grade").asString()).as(result.toString()).isEqualTo(grade);
	}

	private static void assertProblem(Api.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").findValuesAsString("field")).as(response.toString()).contains(field);
	}

	private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put(key, value);
		return copy;
	}

	private static Map<String, Object> without(Map<String, Object> body, String key) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.remove(key);
		return copy;
	}

	private static long created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	private void at(int year, int month, int day) {
		this.clock.set(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, SHANGHAI));
	}

	private Api supervisor() {
		return as(this.supervisorName);
	}

	private Api operator(long unit) {
		return as(this.operators.get(unit));
	}

	private Api anonymous() {
		return new Api(this.port);
	}

	private Api as(String username) {
		return new Api(this.port).as(username, Api.PASSWORD);
	}

}
