package dev.luoshi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.luoshi.test.Api;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.ServerProcess;
import dev.luoshi.test.TestDatabase;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one PostgreSQL database and nothing else shared (each its own
 * data directory): a page session started on one node is valid on the other, a scheduled
 * job that falls due on both runs on one of them only, and escalations run on both at
 * once issue each notice once. H2 runs in the server's own process, so this runs only on
 * PostgreSQL.
 */
@Tag("database")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/**
	 * Node B's scheduler fires this long after node A's, like a clock or a busy thread.
	 */
	private static final int SKEW_SECONDS = 3;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static Map<String, Object> database;

	private static int escalationSecond;

	private static ServerProcess a;

	private static ServerProcess b;

	@BeforeAll
	static void startTwoNodes() {
		Assumptions.assumeTrue(TestDatabase.postgresql(),
				"two nodes share a database server: PostgreSQL only (H2 runs inside one server's process)");
		database = TestDatabase.properties();
		// the escalation job falls due once a minute: on node A at a second some 55 s
		// from
		// now (two nodes start in about 30 s here), on node B SKEW_SECONDS later
		escalationSecond = ZonedDateTime.now(SHANGHAI).plusSeconds(55).getSecond();
		a = ServerProcess.launch("two-nodes-a", node("a", escalationSecond));
		b = ServerProcess.launch("two-nodes-b", node("b", (escalationSecond + SKEW_SECONDS) % 60));
		a.awaitUp();
		b.awaitUp();
	}

	@AfterAll
	static void stopNodes() {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
	}

	private static Map<String, String> node(String name, int second) {
		Map<String, String> properties = new LinkedHashMap<>();
		database.forEach((key, value) -> properties.put(key, String.valueOf(value)));
		properties.put("luoshi.data-dir",
				Path.of("target", "two-nodes", name + "-" + UUID.randomUUID()).toAbsolutePath().toString());
		// Thursday: milestones due on Tuesday are overdue
		properties.put("luoshi.clock.fixed", "2026-03-19T10:00:00+08:00");
		properties.put("luoshi.supervision.escalation-cron", second + " * * * * *");
		properties.put("logging.level.net.javacrumbs.shedlock.core", "DEBUG");
		return properties;
	}

	@Test
	@Order(2)
	void aPageSessionStartedOnOneNodeIsValidOnTheOther() {
		PageSession session = new PageSession();
		String login = session.get(a, "/login").body();
		HttpResponse<String> signedIn = session.post(a, "/login",
				Map.of("username", "admin", "password", Api.ADMIN_PASSWORD, "_csrf", csrf(login)));
		assertThat(signedIn.statusCode()).as(signedIn.headers().map().toString()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

		HttpResponse<String> home = session.get(b, "/");
		assertThat(home.statusCode()).as("the landing page on node B: %s", home.headers().map()).isEqualTo(200);
		assertThat(home.body()).contains("action=\"/logout\"");
		assertThat(session.get(a, "/").statusCode()).isEqualTo(200);

		// a form of node A's page posted to node B: the CSRF token lives in the shared
		// session
		String token = csrf(session.get(a, "/units").body());
		String code = Fixtures.unique("NODE");
		assertThat(session.post(b, "/units", Map.of("code", code, "name", "跨节点单位", "kind", "OTHER", "_csrf", "wrong"))
			.statusCode()).as("a wrong token is refused").isEqualTo(403);
		HttpResponse<String> created = session.post(b, "/units",
				Map.of("code", code, "name", "跨节点单位", "kind", "OTHER", "_csrf", token));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String target = created.headers().firstValue("Location").orElseThrow();
		assertThat(target).contains("/units?id=");
		// the message for the next page (a flash attribute) is kept in the session too
		assertThat(session.get(a, URI.create(target).getRawPath() + "?" + URI.create(target).getRawQuery()).body())
			.contains("已新增单位“跨节点单位”");
		assertThat(
				a.api().asAdmin().get("/api/v1/units/" + target.replaceAll(".*id=", "")).json().path("code").asString())
			.isEqualTo(code);

		// signing out on one node ends the session on both, also for a copy of its cookie
		PageSession copy = session.copy();
		HttpResponse<String> out = session.post(b, "/logout", Map.of("_csrf", csrf(session.get(a, "/").body())));
		assertThat(out.statusCode()).isEqualTo(302);
		HttpResponse<String> after = copy.get(a, "/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	/** First, so that the nodes are up and the data is in before the job first fires. */
	@Test
	@Order(1)
	void aScheduledJobDueOnBothNodesRunsOnOne() throws Exception {
		Scenario scenario = Scenario.create(a.api().asAdmin(), 8);
		ZonedDateTime fires = nextFiring(ZonedDateTime.now(SHANGHAI).plusSeconds(1));
		int fromA = a.output().length();
		int fromB = b.output().length();
		sleepUntil(fires.plusSeconds(SKEW_SECONDS + 1));
		awaitLogs(fromA, fromB, "Task finished, lock 'escalations'", "Not executing 'escalations'");
		String logA = escalationLines(a, fromA);
		String logB = escalationLines(b, fromB);

		assertThat(count(logA, "Locked 'escalations'") + count(logB, "Locked 'escalations'"))
			.as("runs of the job fired at %s on A and %d s later on B:%nA: %s%nB: %s", fires, SKEW_SECONDS, logA, logB)
			.isEqualTo(1);
		assertThat(count(logA, "Not executing 'escalations'") + count(logB, "Not executing 'escalations'"))
			.as("the other node tried too and found the lock taken:%nA: %s%nB: %s", logA, logB)
			.isEqualTo(1);

		List<JsonNode> notices = scenario.notices(b.api());
		assertOncePerCause(notices);
		assertThat(notices.stream().filter((n) -> "MILESTONE-OVERDUE".equals(n.path("ruleCode").asString())))
			.extracting((n) -> n.path("taskId").asLong())
			.containsExactlyInAnyOrderElementsOf(scenario.tasks());

		try (Connection connection = DriverManager.getConnection(String.valueOf(database.get("spring.datasource.url")),
				String.valueOf(database.get("spring.datasource.username")),
				String.valueOf(database.get("spring.datasource.password")));
				Statement statement = connection.createStatement();
				ResultSet lock = statement
					.executeQuery("select locked_at, lock_until from shedlock where name = 'escalations'")) {
			assertThat(lock.next()).as("ShedLock's row of the job").isTrue();
			Timestamp lockedAt = lock.getTimestamp("locked_at");
			Timestamp lockUntil = lock.getTimestamp("lock_until");
			assertThat(Duration.between(lockedAt.toInstant(), lockUntil.toInstant()))
				.as("the lock is held past the other node's firing")
				.isGreaterThan(Duration.ofSeconds(SKEW_SECONDS));
		}
	}

	/**
	 * Soon after the scheduled run, so that the next one (a minute later) does not issue
	 * any of these notices.
	 */
	@Test
	@Order(3)
	void escalationsRunOnBothNodesAtOnceIssueEachNoticeOnce() throws Exception {
		Scenario scenario = Scenario.create(a.api().asAdmin(), 12);
		Api officeA = a.api().as(scenario.supervisor(), Api.PASSWORD);
		Api officeB = b.api().as(scenario.supervisor(), Api.PASSWORD);
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Api.Response>> runs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Api office = (i % 2 == 0) ? officeA : officeB;
			runs.add(CompletableFuture.supplyAsync(() -> {
				await(go);
				return office.post("/api/v1/supervision/escalations/run", Map.of());
			}));
		}
		go.countDown();
		Map<Long, Integer> issued = new HashMap<>();
		for (CompletableFuture<Api.Response> run : runs) {
			Api.Response response = run.get();
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			response.json().path("created").forEach((n) -> issued.merge(n.path("id").asLong(), 1, Integer::sum));
		}

		List<JsonNode> notices = scenario.notices(a.api());
		assertOncePerCause(notices);
		assertThat(notices.stream().filter((n) -> "MILESTONE-OVERDUE".equals(n.path("ruleCode").asString())))
			.extracting((n) -> n.path("taskId").asLong())
			.containsExactlyInAnyOrderElementsOf(scenario.tasks());
		assertThat(issued.values()).as("no notice is reported as issued by two runs").allMatch((n) -> n == 1);
		Set<Long> stored = notices.stream().map((n) -> n.path("id").asLong()).collect(Collectors.toSet());
		assertThat(issued.keySet()).as("every notice a run reported is stored, and only those")
			.containsExactlyInAnyOrderElementsOf(stored);
		Api.Response findings = officeA.get("/api/v1/findings?source=MONITORING&unitId=" + scenario.unit());
		assertThat(findings.json().valueStream().map((f) -> f.path("id").asLong()))
			.as("what the rules detected is recorded once, with its notice")
			.containsExactlyInAnyOrderElementsOf(notices.stream().map((n) -> n.path("findingId").asLong()).toList());
		Api.Response verification = officeB.get("/api/v1/audit/verify");
		assertThat(verification.json().path("valid").asBoolean()).as(verification.toString()).isTrue();
	}

	/** No two notices for one cause (rule, task and subject), and no number twice. */
	private static void assertOncePerCause(List<JsonNode> notices) {
		Map<String, Long> causes = notices.stream()
			.collect(Collectors.groupingBy((n) -> n.path("ruleCode").asString() + "/" + n.path("taskId").asLong() + "/"
					+ n.path("subject").asString(), Collectors.counting()));
		assertThat(causes).as("notices per cause").allSatisfy((cause, count) -> assertThat(count).isEqualTo(1));
		assertThat(notices.stream().map((n) -> n.path("number").asString()).collect(Collectors.toSet()))
			.hasSize(notices.size());
	}

	/** A unit with tasks whose milestones were due on Tuesday and are not done. */
	record Scenario(String supervisor, long unit, List<Long> tasks) {

		static Scenario create(Api admin, int taskCount) {
			Fixtures fixtures = new Fixtures(admin);
			long district = fixtures.unit("临江区", "REGION", null);
			long unit = fixtures.unit("区住建局", "DEPARTMENT", district);
			String supervisor = fixtures.user(district, "SUPERVISOR");
			Api office = admin.anonymous().as(supervisor, Api.PASSWORD);
			long leader = admin.post("/api/v1/people", Map.of("name", "孙海燕", "unitId", district)).id();
			Api.Response campaign = office.post("/api/v1/campaigns",
					Map.of("code", Fixtures.unique("GJ"), "name", "城市建设管理攻坚行动", "year", 2026, "leadLeaderId", leader,
							"leadUnitId", unit, "startDate", "2026-03-01", "endDate", "2026-12-31", "taskForceUserIds",
							List.of()));
			assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
			List<Long> tasks = new ArrayList<>();
			for (int i = 1; i <= taskCount; i++) {
				Api.Response task = office.post("/api/v1/campaigns/" + campaign.id() + "/tasks",
						Map.of("title", "老旧小区改造 " + i, "leadUnitId", unit, "cooperatingUnitIds", List.of(), "deadline",
								"2026-12-31", "milestones",
								List.of(Map.of("name", "完成摸底调查", "dueDate", "2026-03-17"))));
				assertThat(task.status()).as(task.toString()).isEqualTo(201);
				tasks.add(task.id());
			}
			return new Scenario(supervisor, unit, Collections.unmodifiableList(tasks));
		}

		List<JsonNode> notices(Api node) {
			Api.Response response = node.as(this.supervisor, Api.PASSWORD)
				.get("/api/v1/notices?unitId=" + this.unit + "&size=500");
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			List<JsonNode> notices = new ArrayList<>();
			response.json().path("items").forEach(notices::add);
			return notices;
		}

	}

	/** The first time node A's schedule fires at or after {@code from}. */
	private static ZonedDateTime nextFiring(ZonedDateTime from) {
		ZonedDateTime candidate = from.truncatedTo(ChronoUnit.MINUTES).withSecond(escalationSecond);
		return candidate.isBefore(from) ? candidate.plusMinutes(1) : candidate;
	}

	private static void sleepUntil(ZonedDateTime at) throws InterruptedException {
		long millis = Duration.between(ZonedDateTime.now(SHANGHAI), at).toMillis();
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

	/** Waits (a while) until the nodes together wrote each text since the offsets. */
	private static void awaitLogs(int fromA, int fromB, String... texts) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			String written = a.output().substring(fromA) + b.output().substring(fromB);
			if (List.of(texts).stream().allMatch(written::contains)) {
				return;
			}
			Thread.sleep(100);
		}
	}

	/** The lines about the escalation job a node wrote since {@code from}. */
	private static String escalationLines(ServerProcess node, int from) {
		return node.output()
			.substring(from)
			.lines()
			.filter((line) -> line.contains("escalations") || line.contains("Escalation"))
			.collect(Collectors.joining("\n"));
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A browser's session cookie, sent to whichever node a request goes to. */
	static final class PageSession {

		private final Map<String, String> cookies = new HashMap<>();

		PageSession copy() {
			PageSession copy = new PageSession();
			copy.cookies.putAll(this.cookies);
			return copy;
		}

		HttpResponse<String> get(ServerProcess node, String path) {
			return send(request(node, path).GET());
		}

		HttpResponse<String> post(ServerProcess node, String path, Map<String, String> form) {
			String body = form.entrySet()
				.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(request(node, path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		private HttpRequest.Builder request(ServerProcess node, String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path))
				.header("Accept", "text/html")
				.timeout(Duration.ofSeconds(30));
			if (!this.cookies.isEmpty()) {
				request.header("Cookie",
						this.cookies.entrySet()
							.stream()
							.map((e) -> e.getKey() + "=" + e.getValue())
							.collect(Collectors.joining("; ")));
			}
			return request;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
				for (String cookie : response.headers().allValues("Set-Cookie")) {
					String pair = cookie.split(";", 2)[0];
					String[] nameValue = pair.split("=", 2);
					if (nameValue[1].isEmpty()) {
						this.cookies.remove(nameValue[0]);
					}
					else {
						this.cookies.put(nameValue[0], nameValue[1]);
					}
				}
				return response;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
