package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
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

/** Key projects over HTTP, with the clock at 2026-03-16 09:00 in Shanghai. */
@DatabaseTest
class ProjectApiTests {

	/** Twelve months adding up to 1,200.00 yuan; January to March is 450.00. */
	static final List<String> MONTHS = List.of("100.00", "150.00", "200.00", "100.00", "100.00", "100.00", "100.00",
			"100.00", "100.00", "50.00", "50.00", "50.00");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api admin;

	Api supervisor;

	Api leadOperator;

	Api outsider;

	Fixtures fixtures;

	long district;

	long leadUnit;

	long otherUnit;

	long headquarters;

	@BeforeEach
	void setUp() {
		this.clock.set(ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		this.admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(this.admin);
		this.district = this.fixtures.unit("临江区", "REGION", null);
		this.leadUnit = this.fixtures.unit("区发展改革局", "DEPARTMENT", this.district);
		this.otherUnit = this.fixtures.unit("区文旅局", "DEPARTMENT", this.district);
		this.supervisor = new Api(this.port).as(this.fixtures.user(this.district, "SUPERVISOR"), Api.PASSWORD);
		this.leadOperator = new Api(this.port).as(this.fixtures.user(this.leadUnit, "UNIT_OPERATOR"), Api.PASSWORD);
		this.outsider = new Api(this.port).as(this.fixtures.user(this.otherUnit, "UNIT_OPERATOR"), Api.PASSWORD);
		Api.Response hq = this.supervisor.post("/api/v1/headquarters",
				Map.of("code", Fixtures.unique("HQ"), "name", "重点项目建设总指挥部"));
		assertThat(hq.status()).as(hq.toString()).isEqualTo(201);
		this.headquarters = hq.id();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aProjectIsRegisteredWithItsPlanAndFirstQuarterTarget() {
		Api.Response created = register(project("滨江数字产业园", "250000000.00", MONTHS, "1200.00"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode plan = created.json().path("annualPlans").get(0);
		assertThat(plan.path("amount").decimalValue()).isEqualByComparingTo("1200.00");
		assertThat(plan.path("firstQuarterTarget").decimalValue()).isEqualByComparingTo("450.00");
		assertThat(plan.path("monthly")).hasSize(12);
		assertThat(created.json().path("headquartersId").asLong()).isEqualTo(this.headquarters);
		assertThat(this.supervisor.post("/api/v1/projects", project("重复编号", "1.00", null, "0.00")).status())
			.isEqualTo(201);
	}

	@Test
	void badProjectsAreRefusedNamingTheField() {
		Map<String, Object> negative = project("负数投资", "-1.00", null, "0.00");
		assertProblem(register(negative), 400, "totalInvestment");

		Map<String, Object> backwards = project("倒排工期", "100.00", null, "0.00");
		backwards.put("startDate", "2026-06-01");
		backwards.put("plannedCompletion", "2026-05-31");
		assertProblem(register(backwards), 400, "plannedCompletion");

		List<String> short1 = new ArrayList<>(MONTHS);
		short1.set(11, "49.99");
		assertProblem(register(project("计划不平", "100.00", short1, "1200.00")), 400, "annualPlans[0].monthly");

		Map<String, Object> text = project("金额非数字", "100.00", null, "0.00");
		text.put("totalInvestment", "一个亿");
		assertProblem(register(text), 400, "totalInvestment");

		Map<String, Object> fractions = project("厘", "100.001", null, "0.00");
		assertProblem(register(fractions), 400, "totalInvestment");

		Map<String, Object> duplicate = project("重复", "100.00", null, "0.00");
		assertThat(register(duplicate).status()).isEqualTo(201);
		assertThat(register(duplicate).status()).isEqualTo(409);

		assertThat(this.leadOperator.post("/api/v1/projects", project("越权", "1.00", null, "0.00")).status())
			.isEqualTo(403);
	}

	@Test
	void oneFigureAMonthCorrectedOnlyWithItsVersion() {
		long project = register(project("城市更新片区", "5000000.00", MONTHS, "1200.00")).id();
		String path = "/api/v1/projects/" + project + "/investment-reports";

		Api.Response first = this.leadOperator.post(path,
				Map.of("month", "2026-02", "amount", "130.00", "narrative", "主体结构施工"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().path("late").asBoolean()).isTrue();

		assertProblem(this.leadOperator.post(path, Map.of("month", "2026-02", "amount", "140.00")), 409, null);
		Api.Response corrected = this.leadOperator.post(path,
				Map.of("month", "2026-02", "amount", "140.00", "version", first.json().path("version").asLong()));
		assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
		assertThat(corrected.json().path("amount").decimalValue()).isEqualByComparingTo("140.00");
		assertThat(this.leadOperator
			.post(path,
					Map.of("month", "2026-02", "amount", "150.00", "version", first.json().path("version").asLong()))
			.status()).isEqualTo(409);

		assertThat(this.outsider.post(path, Map.of("month", "2026-03", "amount", "1.00")).status()).isEqualTo(403);
		assertProblem(this.leadOperator.post(path, Map.of("month", "2026-03", "amount", "-1.00")), 400, "amount");
		assertProblem(this.leadOperator.post(path, Map.of("month", "2026-03", "amount", "很多")), 400, "amount");
		assertProblem(this.leadOperator.post(path, Map.of("month", "2026-04", "amount", "1.00")), 400, "month");
		assertProblem(this.leadOperator.post(path, Map.of("month", "2026-13", "amount", "1.00")), 400, "month");

		long report = corrected.id();
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 };
		Api.Response photo = this.leadOperator.upload("/api/v1/investment-reports/" + report + "/photos", "现场.png",
				"image/png", png);
		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		assertThat(this.outsider.upload("/api/v1/investment-reports/" + report + "/photos", "现场.png", "image/png", png)
			.status()).isEqualTo(403);
		assertThat(this.leadOperator
			.upload("/api/v1/investment-reports/" + report + "/photos", "现场.png", "image/png",
					"not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.status()).isEqualTo(400);
		assertThat(this.leadOperator.get("/api/v1/investment-reports/" + report + "/photos").json().size())
			.isEqualTo(1);

		Api.Response march = this.leadOperator.post(path, Map.of("month", "2026-03", "amount", "40.00"));
		assertThat(march.json().path("late").asBoolean()).isFalse();
		assertThat(this.leadOperator.get(path).json().path("items").get(0).path("month").asString())
			.isEqualTo("2026-03");
	}

	@Test
	void yearToDateCompletionMatchesAHandCalculation() {
		long project = register(project("高端装备产业园", "900000000.00", MONTHS, "1200.00")).id();
		file(project, "2026-01", "80.00");
		file(project, "2026-02", "130.00");
		file(project, "2026-03", "40.00");

		JsonNode progress = this.leadOperator.get("/api/v1/projects/" + project).json().path("progress");

		// Through February: planned 100 + 150 = 250, completed 80 + 130 = 210 → 84.00 %.
		assertThat(progress.path("throughMonth").asInt()).isEqualTo(2);
		assertThat(progress.path("yearToDatePlan").decimalValue()).isEqualByComparingTo("250.00");
		assertThat(progress.path("completedToDate").decimalValue()).isEqualByComparingTo("210.00");
		assertThat(progress.path("yearToDateRate").decimalValue()).isEqualByComparingTo("84.00");
		// The year: 80 + 130 + 40 = 250 of 1,200 → 20.83 %.
		assertThat(progress.path("completedThisYear").decimalValue()).isEqualByComparingTo("250.00");
		assertThat(progress.path("annualRate").decimalValue()).isEqualByComparingTo("20.83");
		// 开门红: January to March planned 450, completed 250 → 55.56 %.
		assertThat(progress.path("firstQuarterTarget").decimalValue()).isEqualByComparingTo("450.00");
		assertThat(progress.path("firstQuarterCompleted").decimalValue()).isEqualByComparingTo("250.00");
		assertThat(progress.path("firstQuarterRate").decimalValue()).isEqualByComparingTo("55.56");
	}

	@Test
	void lightsFollowInvestmentAgainstTheYearToDatePlanAndPhaseMilestones() {
		long onTrack = register(project("按序时推进", "1000.00", MONTHS, "1200.00")).id();
		file(onTrack, "2026-01", "80.00");
		file(onTrack, "2026-02", "130.00");
		long lagging = register(project("投资滞后", "1000.00", MONTHS, "1200.00")).id();
		Map<String, Object> farBehind = project("严重滞后", "1000.00", List.of("400.00", "400.00", "100.00", "100.00",
				"100.00", "100.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"), "1200.00");
		long behind = register(farBehind).id();
		Map<String, Object> withMilestone = project("节点逾期", "1000.00", null, "0.00");
		withMilestone.put("milestones", List.of(Map.of("phase", "RELOCATION", "plannedDate", "2026-03-10"),
				Map.of("phase", "GROUNDBREAKING", "plannedDate", "2026-06-30")));
		Api.Response late = register(withMilestone);

		assertThat(light(onTrack)).isEqualTo("GREEN"); // 3.33 points behind
		assertThat(light(lagging)).isEqualTo("YELLOW"); // 20.83 points behind
		assertThat(light(behind)).isEqualTo("RED"); // 66.67 points behind
		assertThat(late.json().path("light").asString()).isEqualTo("RED");

		long milestone = late.json().path("milestones").get(0).path("id").asLong();
		assertThat(this.outsider
			.post("/api/v1/project-milestones/" + milestone + "/complete", Map.of("completedOn", "2026-03-12"))
			.status()).isEqualTo(403);
		Api.Response done = this.leadOperator.post("/api/v1/project-milestones/" + milestone + "/complete",
				Map.of("completedOn", "2026-03-12", "note", "征收补偿协议全部签订"));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(light(late.id())).isEqualTo("GREEN");
		long groundbreaking = late.json().path("milestones").get(1).path("id").asLong();
		Api.Response moved = this.supervisor.patch("/api/v1/project-milestones/" + groundbreaking,
				Map.of("plannedDate", "2026-08-31"));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().path("plannedDate").asString()).isEqualTo("2026-08-31");
		assertThat(moved.json().path("baselineDate").asString()).isEqualTo("2026-06-30");
		assertThat(this.leadOperator
			.patch("/api/v1/project-milestones/" + groundbreaking, Map.of("plannedDate", "2026-09-30"))
			.status()).isEqualTo(403);

		Api.Response built = this.supervisor.patch("/api/v1/projects/" + behind, Map.of("version",
				this.admin.get("/api/v1/projects/" + behind).json().path("version").asLong(), "phase", "COMPLETED"));
		assertThat(built.status()).as(built.toString()).isEqualTo(200);
		assertThat(light(behind)).isEqualTo("DONE");
		assertThat(this.supervisor.patch("/api/v1/projects/" + behind, Map.of("version", 0, "phase", "OPERATING"))
			.status()).isEqualTo(409);
		assertThat(this.admin.get("/api/v1/projects?light=RED&unitId=" + this.leadUnit).json().path("total").asLong())
			.isZero();
	}

	@Test
	void summariesAreExactToTheFen() {
		long hq = this.supervisor
			.post("/api/v1/headquarters",
					Map.of("code", Fixtures.unique("HQ"), "name", "产业项目专项指挥部", "parentId", this.headquarters))
			.id();
		List<String> tenths = new ArrayList<>(Collections.nCopies(12, "0.00"));
		tenths.set(0, "0.10");
		tenths.set(1, "0.20");
		Map<String, Object> a = project("分毫不差一", "0.10", tenths, "0.30");
		a.put("headquartersId", hq);
		Map<String, Object> b = project("分毫不差二", "0.20", tenths, "0.30");
		b.put("headquartersId", hq);
		Map<String, Object> c = project("分毫不差三", "9999999999999.70", tenths, "0.30");
		c.put("headquartersId", hq);
		long first = register(a).id();
		long second = register(b).id();
		register(c);
		file(first, "2026-01", "0.10");
		file(first, "2026-02", "0.20");
		file(second, "2026-01", "0.10");
		file(second, "2026-02", "0.70");

		JsonNode summary = this.supervisor.get("/api/v1/projects/summary?year=2026&headquartersId=" + hq).json();

		assertThat(summary.path("count").asLong()).isEqualTo(3);
		assertThat(summary.path("totalInvestment").decimalValue()).isEqualTo(new BigDecimal("10000000000000.00"));
		assertThat(summary.path("annualPlan").decimalValue()).isEqualTo(new BigDecimal("0.90"));
		assertThat(summary.path("completedThisYear").decimalValue()).isEqualTo(new BigDecimal("1.10"));
		assertThat(summary.path("completionRate").decimalValue()).isEqualByComparingTo("122.22");
		assertThat(summary.path("yearToDatePlan").decimalValue()).isEqualTo(new BigDecimal("0.90"));
		assertThat(summary.path("firstQuarterTarget").decimalValue()).isEqualTo(new BigDecimal("0.90"));
		assertThat(summary.path("byMonth").get(1).path("completed").decimalValue()).isEqualTo(new BigDecimal("0.90"));
		assertThat(summary.path("byCategory").get(0).path("totalInvestment").decimalValue())
			.isEqualTo(new BigDecimal("10000000000000.00"));
		JsonNode whole = this.supervisor.get("/api/v1/projects/summary?year=2026&headquartersId=" + this.headquarters)
			.json();
		assertThat(whole.path("count").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(this.supervisor.get("/api/v1/projects/summary?year=2026&unitId=" + this.otherUnit)
			.json()
			.path("count")
			.asLong()).isZero();
	}

	@Test
	void unitsSeeTheirOwnProjectsAndLeadersTheirPortfolios() {
		long project = register(project("江滨文旅综合体", "300000000.00", MONTHS, "1200.00")).id();
		long government = this.fixtures.unit("区政府办公室", "DEPARTMENT", this.district);
		Api leader = new Api(this.port).as(this.fixtures.user(government, List.of(this.leadUnit), "LEADER"),
				Api.PASSWORD);
		Api otherLeader = new Api(this.port).as(this.fixtures.user(government, List.of(this.otherUnit), "LEADER"),
				Api.PASSWORD);

		assertThat(this.leadOperator.get("/api/v1/projects/" + project).status()).isEqualTo(200);
		assertThat(this.outsider.get("/api/v1/projects/" + project).status()).isEqualTo(403);
		assertThat(
				this.outsider.get("/api/v1/projects?headquartersId=" + this.headquarters).json().path("total").asLong())
			.isZero();
		assertThat(leader.get("/api/v1/projects/" + project).status()).isEqualTo(200);
		assertThat(otherLeader.get("/api/v1/projects/" + project).status()).isEqualTo(403);
		assertThat(this.admin.get("/api/v1/projects/999999999").status()).isEqualTo(404);
		assertThat(this.leadOperator.get("/api/v1/projects?unitId=" + this.leadUnit).json().path("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void problemsNeedingCoordinationAreSolvedByTheUnitNamed() {
		long project = register(project("征迁难点项目", "1000.00", null, "0.00")).id();
		Api.Response raised = this.leadOperator.post("/api/v1/projects/" + project + "/problems",
				Map.of("description", "地块内3户未签约，需区文旅局协调", "solverUnitId", this.otherUnit, "dueDate", "2026-03-31"));
		assertThat(raised.status()).as(raised.toString()).isEqualTo(201);

		assertThat(this.leadOperator
			.post("/api/v1/project-problems/" + raised.id() + "/solve",
					Map.of("solvedOn", "2026-03-16", "resolution", "已协调"))
			.status()).isEqualTo(403);
		Api.Response solved = this.outsider.post("/api/v1/project-problems/" + raised.id() + "/solve",
				Map.of("solvedOn", "2026-03-16", "resolution", "已完成签约"));
		assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
		assertThat(solved.json().path("status").asString()).isEqualTo("SOLVED");
		assertThat(this.outsider
			.post("/api/v1/project-problems/" + raised.id() + "/solve",
					Map.of("solvedOn", "2026-03-16", "resolution", "再次"))
			.status()).isEqualTo(409);
	}

	@Test
	void missingAndLateFiguresAreVisiblePerMonth() {
		long filed = register(project("已报项目", "1000.00", MONTHS, "1200.00")).id();
		long missing = register(project("未报项目", "1000.00", MONTHS, "1200.00")).id();
		file(filed, "2026-02", "150.00");

		JsonNode month = this.leadOperator.get("/api/v1/projects/figures?month=2026-02&unitId=" + this.leadUnit).json();

		Map<Long, String> states = new HashMap<>();
		month.forEach((status) -> states.put(status.path("projectId").asLong(), status.path("state").asString()));
		assertThat(states).containsEntry(filed, "LATE").containsEntry(missing, "MISSING");
		assertThat(month.get(0).path("dueDate").asString()).isEqualTo("2026-03-05");
	}

	private void file(long project, String month, String amount) {
		Api.Response response = this.leadOperator.post("/api/v1/projects/" + project + "/investment-reports",
				Map.of("month", month, "amount", amount));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	private String light(long project) {
		return this.leadOperator.get("/api/v1/projects/" + project).json().path("light").asString();
	}

	private Api.Response register(Map<String, Object> project) {
		return this.supervisor.post("/api/v1/projects", project);
	}

	private Map<String, Object> project(String name, String total, List<String> months, String annual) {
		Map<String, Object> project = new HashMap<>();
		project.put("code", Fixtures.unique("XM"));
		project.put("name", name);
		project.put("category", "INDUSTRY");
		project.put("headquartersId", this.headquarters);
		project.put("leadUnitId", this.leadUnit);
		project.put("totalInvestment", total.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(total) : total);
		project.put("startDate", "2026-01-01");
		project.put("plannedCompletion", "2027-12-31");
		project.put("phase", "CONSTRUCTION");
		Map<String, Object> plan = new HashMap<>();
		plan.put("year", 2026);
		plan.put("amount", new BigDecimal(annual));
		if (months != null) {
			plan.put("monthly", months.stream().map(BigDecimal::new).toList());
		}
		project.put("annualPlans", List.of(plan));
		return project;
	}

	private static void assertProblem(Api.Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.json().path("errors").findValuesAsString("field")).as(response.toString())
				.contains(field);
		}
	}

}
