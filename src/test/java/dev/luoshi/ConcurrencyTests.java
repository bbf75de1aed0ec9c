package dev.luoshi;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
 * Many clients change the same resource at the same moment: one wins, the others get 409
 * and the stored state is the winner's (nothing lost silently, never a 500); creating the
 * same code at once gives one resource; the rules issuing notices while the office issues
 * its own, and acceptances of sibling tasks' reports at once, neither fail nor lose a
 * change.
 */
@DatabaseTest
class ConcurrencyTests {

	private static final int CLIENTS = 8;

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api admin;

	Api supervisor;

	Api operator;

	String supervisorName;

	String operatorName;

	Fixtures fixtures;

	long district;

	long unit;

	long leader;

	@BeforeEach
	void setUp() {
		this.clock.set(ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		this.admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(this.admin);
		this.district = this.fixtures.unit("临江区", "REGION", null);
		this.unit = this.fixtures.unit("区住建局", "DEPARTMENT", this.district);
		this.supervisorName = this.fixtures.user(this.district, "SUPERVISOR");
		this.operatorName = this.fixtures.user(this.unit, "UNIT_OPERATOR");
		signInAgain();
		this.leader = this.admin.post("/api/v1/people", Map.of("name", "孙海燕", "unitId", this.district)).id();
	}

	/** Tokens live hours: after the clock moved, sign in again. */
	private void signInAgain() {
		this.admin = new Api(this.port).asAdmin();
		this.supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		this.operator = new Api(this.port).as(this.operatorName, Api.PASSWORD);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void changesOfATaskWithTheSameVersionHaveOneWinner() {
		long task = task(campaign(), null, "老旧小区改造", null);
		int version = this.supervisor.get("/api/v1/tasks/" + task).json().path("version").asInt();

		List<Api.Response> answers = race((i) -> this.supervisor.patch("/api/v1/tasks/" + task,
				Map.of("title", "老旧小区改造 " + i, "version", version)));

		int winner = oneWinner(answers, 200);
		JsonNode stored = this.supervisor.get("/api/v1/tasks/" + task).json();
		assertThat(stored.path("title").asString()).isEqualTo("老旧小区改造 " + winner);
		assertThat(stored.path("version").asInt()).isEqualTo(version + 1);
	}

	@Test
	void changesOfAUnitWithTheSameVersionHaveOneWinner() {
		long changed = this.fixtures.unit("区交通局", "DEPARTMENT", this.district);
		int version = this.admin.get("/api/v1/units/" + changed).json().path("version").asInt();

		List<Api.Response> answers = race(
				(i) -> this.admin.patch("/api/v1/units/" + changed, Map.of("name", "区交通运输局 " + i, "version", version)));

		int winner = oneWinner(answers, 200);
		JsonNode stored = this.admin.get("/api/v1/units/" + changed).json();
		assertThat(stored.path("name").asString()).isEqualTo("区交通运输局 " + winner);
		assertThat(stored.path("version").asInt()).isEqualTo(version + 1);
	}

	@Test
	void changesOfAProjectAndOfAMonthsFigureWithTheSameVersionHaveOneWinner() {
		long project = project(Fixtures.unique("XM"));
		long version = this.supervisor.get("/api/v1/projects/" + project).json().path("version").asLong();

		List<Api.Response> answers = race((i) -> this.supervisor.patch("/api/v1/projects/" + project,
				Map.of("name", "滨江数字产业园 " + i, "version", version)));

		int winner = oneWinner(answers, 200);
		assertThat(this.supervisor.get("/api/v1/projects/" + project).json().path("name").asString())
			.isEqualTo("滨江数字产业园 " + winner);

		String figures = "/api/v1/projects/" + project + "/investment-reports";
		Api.Response first = this.operator.post(figures, Map.of("month", "2026-02", "amount", "100.00"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		long figureVersion = first.json().path("version").asLong();

		List<Api.Response> corrections = race((i) -> this.operator.post(figures,
				Map.of("month", "2026-02", "amount", new BigDecimal(200 + i), "version", figureVersion)));

		int corrector = oneWinner(corrections, 200);
		JsonNode stored = this.operator.get(figures).json().path("items").get(0);
		assertThat(stored.path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal(200 + corrector));
		assertThat(stored.path("version").asLong()).isEqualTo(figureVersion + 1);
	}

	@Test
	void changesOfAnIndicatorValueWithTheSameVersionHaveOneWinner() {
		String indicator = Fixtures.unique("GDP").toUpperCase();
		assertThat(this.supervisor.post("/api/v1/indicators", Map.of("code", indicator, "name", "地区生产总值", "unit", "亿元"))
			.status()).isEqualTo(201);
		Api.Response entered = this.supervisor.put("/api/v1/indicator-values",
				Map.of("indicator", indicator, "regionId", this.district, "period", "2026Q1", "target", 100));
		assertThat(entered.status()).as(entered.toString()).isEqualTo(200);
		int version = entered.json().path("version").asInt();

		List<Api.Response> answers = race((i) -> this.supervisor.put("/api/v1/indicator-values", Map.of("indicator",
				indicator, "regionId", this.district, "period", "2026Q1", "target", 100 + i, "version", version)));

		int winner = oneWinner(answers, 200);
		JsonNode stored = this.supervisor
			.get("/api/v1/indicator-values?indicator=" + indicator + "&regionId=" + this.district + "&period=2026Q1")
			.json()
			.path("items")
			.get(0);
		assertThat(stored.path("target").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(100 + winner));
	}

	@Test
	void creatingTheSameCodeAtOnceGivesOneResource() {
		String unitCode = Fixtures.unique("U");
		oneWinner(race((i) -> this.admin.post("/api/v1/units",
				Map.of("code", unitCode, "name", "区水务局 " + i, "kind", "DEPARTMENT", "parentId", this.district))), 201);

		String projectCode = Fixtures.unique("XM");
		oneWinner(race((i) -> this.supervisor.post("/api/v1/projects", projectBody(projectCode))), 201);

		String username = Fixtures.unique("user").toLowerCase();
		oneWinner(race((i) -> this.admin.post("/api/v1/users",
				Map.of("username", username, "password", Api.PASSWORD, "displayName", "测试用户 " + i, "unitId", this.unit,
						"roles", List.of("VIEWER"), "portfolioUnitIds", List.of()))),
				201);

		long project = project(Fixtures.unique("XM"));
		oneWinner(race((i) -> this.operator.post("/api/v1/projects/" + project + "/investment-reports",
				Map.of("month", "2026-01", "amount", new BigDecimal(100 + i)))), 201);
		assertThat(
				this.operator.get("/api/v1/projects/" + project + "/investment-reports").json().path("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void theRulesIssueNoticesWhileTheOfficeIssuesItsOwn() {
		long campaign = campaign();
		List<Long> tasks = IntStream.rangeClosed(1, 6)
			.mapToObj((i) -> task(campaign, null, "背街小巷整治 " + i, "2026-03-12"))
			.toList();

		List<Api.Response> answers = race(
				(i) -> (i % 4 == 0) ? this.supervisor.post("/api/v1/supervision/escalations/run", Map.of())
						: this.supervisor.post("/api/v1/notices",
								Map.of("unitId", this.unit, "level", "REMINDER", "subject", "占道经营整治进度滞后 " + i)));

		assertThat(answers).as("every run and every notice succeeds")
			.allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isIn(200, 201));
		Map<Long, Long> perTask = notices().stream()
			.filter((n) -> "MILESTONE-OVERDUE".equals(n.path("ruleCode").asString()))
			.collect(Collectors.groupingBy((n) -> n.path("taskId").asLong(), Collectors.counting()));
		assertThat(perTask).as("one notice per overdue milestone")
			.containsOnlyKeys(tasks)
			.allSatisfy((task, count) -> assertThat(count).isEqualTo(1));
		List<Long> findings = this.supervisor.get("/api/v1/findings?source=MONITORING&unitId=" + this.unit)
			.json()
			.valueStream()
			.map((f) -> f.path("id").asLong())
			.toList();
		assertThat(findings).as("what the rules detected is recorded once, with its notice")
			.containsExactlyInAnyOrderElementsOf(notices().stream()
				.filter((n) -> n.path("findingId").isNumber())
				.map((n) -> n.path("findingId").asLong())
				.toList());
		assertThat(notices().stream().map((n) -> n.path("number").asString()).distinct().count())
			.isEqualTo(notices().size());
	}

	@Test
	void acceptingReportsOfSiblingTasksAtOnceRollsEveryOneUpToTheParent() {
		long campaign = campaign();
		long parent = task(campaign, null, "城市更新", null);
		List<Integer> percents = List.of(40, 60, 80, 20, 10, 90, 30, 70);
		List<Long> reports = new ArrayList<>();
		for (int percent : percents) {
			long child = task(campaign, parent, "片区改造 " + percent, null);
			Api.Response report = this.operator.post("/api/v1/tasks/" + child + "/reports",
					Map.of("period", "2026-03", "percent", percent, "narrative", "按计划推进"));
			assertThat(report.status()).as(report.toString()).isEqualTo(201);
			reports.add(report.id());
		}

		List<Api.Response> answers = race((i) -> this.supervisor.post("/api/v1/reports/" + reports.get(i) + "/review",
				Map.of("decision", "ACCEPT", "comment", "属实")));

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
		assertThat(this.supervisor.get("/api/v1/tasks/" + parent).json().path("progress").decimalValue())
			.as("the parent's progress is the mean of all its children's")
			.isEqualByComparingTo("50");
	}

	@Test
	void decisionsOnOneAdjustmentRequestAtOnceHaveOneWinner() {
		long task = task(campaign(), null, "江滨夜游项目开放", null);
		List<Api.Response> requests = race((i) -> this.operator.post("/api/v1/tasks/" + task + "/adjustments",
				Map.of("kind", "EXTEND_DEADLINE", "reason", "游船交付推迟 " + i, "newDeadline", "2027-03-31")));
		int requester = oneWinner(requests, 201);
		long request = requests.get(requester).id();

		List<Api.Response> decisions = race(
				(i) -> this.supervisor.post("/api/v1/task-adjustments/" + request + "/decide",
						Map.of("approved", i % 2 == 0, "comment", "意见 " + i)));

		int winner = oneWinner(decisions, 200);
		JsonNode stored = this.supervisor.get("/api/v1/tasks/" + task + "/adjustments").json().get(0);
		assertThat(stored.path("status").asString()).isEqualTo((winner % 2 == 0) ? "APPROVED" : "REJECTED");
		assertThat(this.supervisor.get("/api/v1/tasks/" + task).json().path("deadline").asString())
			.isEqualTo((winner % 2 == 0) ? "2027-03-31" : "2026-12-31");
		assertThat(this.supervisor.get("/api/v1/audit?entityType=task-adjustment&entityId=" + request)
			.json()
			.path("items")
			.valueStream()
			.map((event) -> event.path("action").asString())).as("the audit trail tells what happened")
			.containsExactlyInAnyOrder("CREATED", (winner % 2 == 0) ? "APPROVED" : "REJECTED");
	}

	@Test
	void figuresOfOneProjectFiledAtOnceAllCountInItsLight() {
		// a plan of 100 yuan a month through August; each month missing from the year to
		// date puts the project 12.5 points behind (YELLOW from 10)
		this.clock.set(ZonedDateTime.of(2026, 9, 16, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		signInAgain();
		Map<String, Object> body = new HashMap<>(projectBody(Fixtures.unique("XM")));
		body.put("annualPlans", List.of(Map.of("year", 2026, "amount", new BigDecimal("800.00"), "monthly",
				List.of(100, 100, 100, 100, 100, 100, 100, 100, 0, 0, 0, 0))));
		Api.Response created = this.supervisor.post("/api/v1/projects", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long project = created.id();

		List<Api.Response> answers = race(
				(i) -> this.operator.post("/api/v1/projects/" + project + "/investment-reports",
						Map.of("month", "2026-0" + (i + 1), "amount", new BigDecimal("100.00"))));

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
		assertThat(this.supervisor.get("/api/v1/projects/" + project).json().path("light").asString())
			.as("the light counts all eight months")
			.isEqualTo("GREEN");
	}

	/**
	 * Sends {@link #CLIENTS} requests at the same moment, each from its own thread, and
	 * returns the answers in the order of the clients.
	 */
	private static List<Api.Response> race(IntFunction<Api.Response> request) {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			CountDownLatch ready = new CountDownLatch(CLIENTS);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Api.Response>> answers = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				int client = i;
				answers.add(clients.submit(() -> {
					ready.countDown();
					go.await();
					return request.apply(client);
				}));
			}
			ready.await();
			go.countDown();
			List<Api.Response> responses = new ArrayList<>();
			for (Future<Api.Response> answer : answers) {
				responses.add(answer.get());
			}
			return responses;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			clients.shutdownNow();
		}
	}

	/**
	 * Exactly one answer has the status of success, the others are 409 problem details;
	 * returns the winner.
	 */
	private static int oneWinner(List<Api.Response> answers, int success) {
		Map<Integer, List<Integer>> byStatus = new HashMap<>();
		for (int i = 0; i < answers.size(); i++) {
			byStatus.computeIfAbsent(answers.get(i).status(), (status) -> new ArrayList<>()).add(i);
		}
		assertThat(byStatus.keySet()).as("statuses of %s", answers).containsOnly(success, 409);
		assertThat(byStatus.get(success)).as("winners among %s", answers).hasSize(1);
		byStatus.get(409)
			.forEach((i) -> assertThat(answers.get(i).contentType()).startsWith("application/problem+json"));
		return byStatus.get(success).get(0);
	}

	private List<JsonNode> notices() {
		List<JsonNode> notices = new ArrayList<>();
		this.supervisor.get("/api/v1/notices?size=500&unitId=" + this.unit).json().path("items").forEach(notices::add);
		return notices;
	}

	private long campaign() {
		Api.Response created = this.supervisor.post("/api/v1/campaigns",
				Map.of("code", Fixtures.unique("GJ"), "name", "城市建设管理攻坚行动", "year", 2026, "leadLeaderId", this.leader,
						"leadUnitId", this.unit, "startDate", "2026-03-01", "endDate", "2026-12-31", "taskForceUserIds",
						List.of()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private long task(long campaign, Long parent, String title, String milestoneDue) {
		Map<String, Object> body = new HashMap<>(Map.of("title", title, "leadUnitId", this.unit, "cooperatingUnitIds",
				List.of(), "deadline", "2026-12-31"));
		if (parent != null) {
			body.put("parentId", parent);
		}
		if (milestoneDue != null) {
			body.put("milestones", List.of(Map.of("name", "完成摸底调查", "dueDate", milestoneDue)));
		}
		Api.Response created = this.supervisor.post("/api/v1/campaigns/" + campaign + "/tasks", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private long project(String code) {
		Api.Response created = this.supervisor.post("/api/v1/projects", projectBody(code));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private Map<String, Object> projectBody(String code) {
		return Map.of("code", code, "name", "滨江数字产业园", "category", "INDUSTRY", "leadUnitId", this.unit,
				"totalInvestment", new BigDecimal("250000000.00"), "startDate", "2026-01-01", "plannedCompletion",
				"2027-12-31", "phase", "CONSTRUCTION");
	}

}
