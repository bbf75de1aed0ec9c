package dev.luoshi.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.luoshi.test.Api;
import dev.luoshi.test.Fixtures;

/**
 * A small district made through the API for the bad-input campaign: one or two of every
 * resource, so that the ids in the campaign's paths and bodies lead somewhere and bad
 * input reaches the checks behind them. The campaign signs in as accounts of its own
 * (never {@code admin}) and may change only {@link #victim()} among the accounts.
 */
final class FuzzWorld {

	static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>";

	private final int port;

	private final Api admin;

	private final Map<String, List<String>> ids = new HashMap<>();

	private final Map<String, String> tokens = new LinkedHashMap<>();

	private final List<String> failures = new ArrayList<>();

	private final List<String> actors = new ArrayList<>();

	private final Map<String, Long> accounts = new HashMap<>();

	private String cookie;

	private String csrf;

	private String group;

	FuzzWorld(int port) {
		this.port = port;
		this.admin = new Api(port).asAdmin();
	}

	/** Builds the district; what could not be made is listed in {@link #failures()}. */
	FuzzWorld build() {
		Fixtures fixtures = new Fixtures(this.admin);
		this.group = Fixtures.unique("比拼组");
		long district = fixtures.unit("临江区", "REGION", null);
		long lead = unit("区住建局", "DEPARTMENT", district, null);
		long other = unit("区自然资源局", "DEPARTMENT", district, null);
		long street = unit("江滨街道", "STREET", district, this.group);
		long street2 = unit("滨湖街道", "STREET", district, this.group);
		unit(XSS, "OTHER", district, null);
		put("unit", lead, other, street, street2, district);
		long leader = created("person",
				() -> this.admin.post("/api/v1/people", Map.of("name", "孙海燕", "unitId", district, "title", "副区长")));
		long deputy = created("person",
				() -> this.admin.post("/api/v1/people", Map.of("name", "李卫东", "unitId", street, "title", "副主任")));
		created("person", () -> this.admin.post("/api/v1/people", Map.of("name", XSS, "unitId", street)));
		String office = account(district, "ADMIN", "SUPERVISOR");
		String operator = account(lead, "UNIT_OPERATOR");
		String head = account(street, "UNIT_HEAD");
		String victim = account(other, "VIEWER");
		Api supervisor = new Api(this.port).as(office, Api.PASSWORD);
		Api liaison = new Api(this.port).as(operator, Api.PASSWORD);
		Api streetHead = new Api(this.port).as(head, Api.PASSWORD);
		this.tokens.put("office", token(office));
		this.tokens.put("operator", token(operator));
		this.tokens.put("head", token(head));
		this.actors.addAll(List.of(office, operator, head));
		put("account", this.accounts.get(victim));

		long campaign = created("campaign",
				() -> supervisor.post("/api/v1/campaigns",
						Map.of("code", Fixtures.unique("GJ"), "name", "城市建设管理攻坚行动", "year", 2026, "leadLeaderId",
								leader, "leadUnitId", lead, "startDate", "2026-01-01", "endDate", "2026-12-31",
								"taskForceUserIds", List.of())));
		long task = created("task",
				() -> supervisor.post("/api/v1/campaigns/" + campaign + "/tasks",
						Map.of("title", "老旧小区改造", "leadUnitId", lead, "cooperatingUnitIds", List.of(other),
								"responsibleLeaderId", leader, "territorialUnitId", street, "deadline", "2026-12-31",
								"milestones", List.of(Map.of("name", "完成摸底", "dueDate", "2026-06-30"),
										Map.of("name", "完成主体施工", "workingDaysBeforeDeadline", 60)))));
		created("task", () -> supervisor.post("/api/v1/campaigns/" + campaign + "/tasks",
				Map.of("parentId", task, "title", XSS, "leadUnitId", lead, "deadline", "2026-09-30")));
		Api.Response tree = this.admin.get("/api/v1/tasks/" + task);
		tree.json().path("milestones").forEach((milestone) -> put("milestone", milestone.path("id").asLong()));
		long report = created("report", () -> liaison.post("/api/v1/tasks/" + task + "/reports",
				Map.of("period", "2026-03", "percent", 20, "narrative", "已完成摸底调查")));
		created("evidence", () -> liaison.upload("/api/v1/reports/" + report + "/evidence", "现场.pdf", "application/pdf",
				"%PDF-1.4 evidence".getBytes(StandardCharsets.US_ASCII)));
		created("letter", () -> supervisor.post("/api/v1/campaigns/" + campaign + "/letters", Map.of()));
		created("task-adjustment", () -> liaison.post("/api/v1/tasks/" + task + "/adjustments",
				Map.of("kind", "EXTEND_DEADLINE", "reason", "征迁未完成", "newDeadline", "2027-03-31")));
		created("campaign-attachment", () -> supervisor.upload("/api/v1/campaigns/" + campaign + "/attachments",
				"实施方案.pdf", "application/pdf", "%PDF-1.4 plan".getBytes(StandardCharsets.US_ASCII)));

		long headquarters = created("headquarters", () -> supervisor.post("/api/v1/headquarters",
				Map.of("code", Fixtures.unique("HQ"), "name", "重点项目建设总指挥部", "commanderId", leader)));
		long project = created("project",
				() -> supervisor.post("/api/v1/projects", project(headquarters, lead, "滨江大道")));
		created("project", () -> supervisor.post("/api/v1/projects", project(headquarters, lead, XSS)));
		this.admin.get("/api/v1/projects/" + project)
			.json()
			.path("milestones")
			.forEach((milestone) -> put("project-milestone", milestone.path("id").asLong()));
		long investment = created("investment-report",
				() -> liaison.post("/api/v1/projects/" + project + "/investment-reports",
						Map.of("month", "2026-02", "amount", 1000000, "narrative", "按计划推进")));
		created("investment-photo", () -> liaison.upload("/api/v1/investment-reports/" + investment + "/photos",
				"工地.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 }));
		created("project-problem", () -> supervisor.post("/api/v1/projects/" + project + "/problems",
				Map.of("description", "管线迁改需协调", "solverUnitId", other, "dueDate", "2026-05-31")));

		long notice = created("notice", () -> supervisor.post("/api/v1/notices",
				Map.of("unitId", lead, "level", "SUPERVISE", "subject", "加装电梯开工数量未达目标", "body", XSS, "taskId", task)));
		created("notice", () -> supervisor.post("/api/v1/notices",
				Map.of("unitId", lead, "level", "REMINDER", "subject", XSS, "projectId", project)));
		long rectification = created("rectification", () -> liaison.post("/api/v1/rectifications",
				Map.of("noticeId", notice, "measures", "清理占道经营，建立长效巡查机制", "dueDate", "2026-04-30")));
		created("supervision-file", () -> liaison.upload("/api/v1/rectifications/" + rectification + "/files", "整改.pdf",
				"application/pdf", "%PDF-1.4 done".getBytes(StandardCharsets.US_ASCII)));
		created("inspection", () -> supervisor.post("/api/v1/inspections", Map.of("kind", "UNANNOUNCED", "title",
				"夜间施工暗访", "scope", "在建工地", "inspectors", "区督查室暗访组", "plannedOn", "2026-03-20")));
		created("finding", () -> supervisor.post("/api/v1/instructions", Map.of("leaderId", leader, "instructedOn",
				"2026-03-13", "finding", Map.of("unitId", lead, "description", "请住建局抓紧推进", "deadline", "2026-04-30"))));
		supervisor.get("/api/v1/supervision/rules").json().forEach((rule) -> put("rule", rule.path("id").asLong()));
		supervisor.get("/api/v1/inbox").json().path("items").forEach((item) -> put("inbox", item.path("id").asLong()));
		new Api(this.port).withToken(this.tokens.get("operator"))
			.get("/api/v1/inbox")
			.json()
			.path("items")
			.forEach((item) -> put("inbox", item.path("id").asLong()));

		String gdp = Fixtures.unique("GDP");
		created("indicator",
				() -> supervisor.post("/api/v1/indicators", Map.of("code", gdp, "name", "地区生产总值", "unit", "亿元")));
		this.ids.put("indicator-code", List.of(gdp));
		supervisor.put("/api/v1/indicator-values",
				Map.of("indicator", gdp, "regionId", street, "period", "2026Q1", "target", 100, "actual", 90));
		created("enterprise", () -> supervisor.post("/api/v1/enterprises", Map.of("code", creditCode(), "name",
				"临江精密机械有限公司", "unitId", street, "industry", "通用设备制造业", "landArea", 50)));
		long scheme = created("scheme", () -> supervisor.post("/api/v1/schemes", scheme()));
		created("ranking",
				() -> supervisor.post("/api/v1/schemes/" + scheme + "/rankings", Map.of("period", "2026-02")));
		long penalty = created("adjustment", () -> supervisor.post("/api/v1/adjustments", Map.of("schemeId", scheme,
				"unitId", street, "period", "2026Q1", "kind", "PENALTY", "points", 1, "reason", "信访积案")));
		created("exemption", () -> streetHead.post("/api/v1/exemptions",
				Map.of("adjustmentId", penalty, "reason", "积案系历史遗留，已依法处置")));
		long round = created("nomination-round", () -> supervisor.post("/api/v1/nomination-rounds",
				Map.of("year", 2026, "name", "2026年度担当作为好干部", "deadline", "2026-11-30", "quota", 3)));
		long nomination = created("nomination", () -> streetHead.post("/api/v1/nominations",
				Map.of("roundId", round, "personId", deputy, "deeds", XSS)));
		created("nomination-file", () -> streetHead.upload("/api/v1/nominations/" + nomination + "/evidence", "事迹.pdf",
				"application/pdf", "%PDF-1.4 deeds".getBytes(StandardCharsets.US_ASCII)));
		created("robot", () -> supervisor.post("/api/v1/robots", Map.of("unitId", lead, "kind", "DINGTALK", "name",
				"住建局工作群", "url", "https://oapi.dingtalk.com/robot/send?access_token=x")));
		long account = Long.parseLong(ids("account").get(0));
		created("bulletin-schedule", () -> supervisor.post("/api/v1/bulletin-schedules",
				Map.of("kind", "SUPERVISION", "workingDay", 3, "recipientIds", List.of(account))));
		signIn(office);
		return this;
	}

	private long unit(String name, String kind, long parent, String peerGroup) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", Fixtures.unique("U"));
		body.put("name", name);
		body.put("kind", kind);
		body.put("parentId", parent);
		if (peerGroup != null) {
			body.put("peerGroup", peerGroup);
		}
		return created("unit", () -> this.admin.post("/api/v1/units", body));
	}

	private String account(long unit, String... roles) {
		String username = Fixtures.unique("fuzz").toLowerCase();
		Api.Response created = this.admin.post("/api/v1/users", Map.of("username", username, "password", Api.PASSWORD,
				"displayName", "测试用户", "unitId", unit, "roles", List.of(roles), "portfolioUnitIds", List.of()));
		if (created.status() != 201) {
			throw new IllegalStateException("Cannot create " + username + ": " + created);
		}
		this.accounts.put(username, created.id());
		return username;
	}

	private String token(String username) {
		return this.admin.anonymous()
			.post("/api/v1/auth/token", Map.of("username", username, "password", Api.PASSWORD))
			.json()
			.path("token")
			.asString();
	}

	/** A unified social credit code: 18 digits here. */
	private static String creditCode() {
		return "91330100" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
	}

	private Map<String, Object> project(long headquarters, long lead, String name) {
		Map<String, Object> project = new HashMap<>();
		project.put("code", Fixtures.unique("XM"));
		project.put("name", name);
		project.put("category", "INDUSTRY");
		project.put("headquartersId", headquarters);
		project.put("leadUnitId", lead);
		project.put("totalInvestment", 372000000);
		project.put("startDate", "2026-01-01");
		project.put("plannedCompletion", "2027-12-31");
		project.put("phase", "CONSTRUCTION");
		project.put("annualPlans", List.of(Map.of("year", 2026, "amount", 120000000)));
		project.put("milestones", List.of(Map.of("phase", "COMPLETED", "plannedDate", "2027-10-31")));
		return project;
	}

	private Map<String, Object> scheme() {
		Map<String, Object> scheme = new HashMap<>();
		scheme.put("code", Fixtures.unique("KP"));
		scheme.put("name", "2026年度街道综合考评");
		scheme.put("year", 2026);
		scheme.put("peerGroups", List.of(this.group));
		scheme.put("indicators",
				List.of(Map.of("code", "TC", "name", "任务完成率", "kind", "TASK_COMPLETION", "weight", 40),
						Map.of("code", "SUP", "name", "督办扣分", "kind", "SUPERVISION_DEDUCTION", "weight", 30),
						Map.of("code", "ASR", "name", "领导评议", "kind", "ASSESSOR_SCORE", "weight", 30)));
		scheme.put("publicBoard", true);
		return scheme;
	}

	private long created(String kind, Supplier<Api.Response> request) {
		Api.Response response = request.get();
		if (response.status() / 100 != 2) {
			this.failures.add(kind + ": " + response);
			return 0;
		}
		long id = response.json().isArray() ? response.json().get(0).path("id").asLong() : response.id();
		put(kind, id);
		return id;
	}

	private void put(String kind, long... values) {
		List<String> list = this.ids.computeIfAbsent(kind, (key) -> new ArrayList<>());
		for (long value : values) {
			if (value != 0) {
				list.add(String.valueOf(value));
			}
		}
	}

	/**
	 * Signs in to the pages as the office account: a session cookie and its CSRF token.
	 */
	private void signIn(String username) {
		try {
			HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
			String base = "http://localhost:" + this.port;
			HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			String session = cookie(login);
			String token = csrf(login.body());
			HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", session)
				.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
						+ java.net.URLEncoder.encode(Api.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token))
				.build(), HttpResponse.BodyHandlers.ofString());
			this.cookie = (cookie(signed) != null) ? cookie(signed) : session;
			HttpResponse<String> home = http.send(
					HttpRequest.newBuilder(URI.create(base + "/units")).header("Cookie", this.cookie).build(),
					HttpResponse.BodyHandlers.ofString());
			this.csrf = csrf(home.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String cookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("SESSION="))
			.map((value) -> value.split(";")[0])
			.findFirst()
			.orElse(null);
	}

	private static String csrf(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		return matcher.find() ? matcher.group(1) : "";
	}

	/** The ids made of a kind of resource (as in its API path), or none. */
	List<String> ids(String kind) {
		return this.ids.getOrDefault(kind, List.of());
	}

	Map<String, String> tokens() {
		return this.tokens;
	}

	/** The usernames the campaign acts as, whose audit events it checks. */
	List<String> actors() {
		return this.actors;
	}

	String victim() {
		return ids("account").get(0);
	}

	String cookie() {
		return this.cookie;
	}

	String csrf() {
		return this.csrf;
	}

	List<String> failures() {
		return this.failures;
	}

	Api admin() {
		return this.admin;
	}

}
