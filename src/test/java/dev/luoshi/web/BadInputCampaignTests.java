package dev.luoshi.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.luoshi.LuoshiApplication;
import dev.luoshi.test.Api;
import dev.luoshi.test.Choices;
import dev.luoshi.test.Shrinking;
import dev.luoshi.test.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input campaign: at least 10,000 generated malformed requests against every
 * operation of the API and every page route (wrong types, missing fields, huge strings,
 * deep JSON, invalid dates and periods, negative and enormous numbers, broken and
 * oversized spreadsheets, zip bombs, wrong content types, file names that climb out of
 * directories, markup in text, broken addresses and headers). None may get a 5xx; every
 * refusal is a problem detail; a refused request changes no data; markup that is accepted
 * is shown escaped.
 *
 * <p>
 * The seed is printed and can be given back with {@code -Dluoshi.fuzz.seed=…}, the number
 * of cases with {@code -Dluoshi.fuzz.cases=…}. A failing case is shrunk to the simplest
 * one that still fails.
 */
@Tag("database")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCampaignTests {

	private static final int CASES = Integer.getInteger("luoshi.fuzz.cases", 10_000);

	private static final long SEED = Long.getLong("luoshi.fuzz.seed", new SplittableRandom().nextLong());

	/** Tables a refused request must not add to (those no scheduled job writes). */
	private static final List<String> TABLES = List.of("unit", "person", "person_position", "account", "campaign",
			"task", "milestone", "progress_report", "report_evidence", "task_adjustment", "campaign_attachment",
			"responsibility_letter", "headquarters", "project", "investment_report", "investment_photo",
			"project_milestone", "project_problem", "inspection", "meeting", "finding", "rectification",
			"supervision_file", "scheme", "assessor_score", "adjustment", "exemption", "ranking", "nomination_round",
			"nomination", "nomination_file", "indicator", "indicator_value", "enterprise", "enterprise_figures",
			"robot", "bulletin_schedule", "calendar_day", "escalation_rule");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ConfigurableApplicationContext application;

	private static Wire wire;

	private static JdbcTemplate jdbc;

	private static Path files;

	private static FuzzWorld world;

	private static MalformedRequests requests;

	@BeforeAll
	static void start() {
		Path dataDir = Path.of("target/test-data/fuzz-" + UUID.randomUUID().toString().substring(0, 8));
		Map<String, Object> properties = new LinkedHashMap<>(TestDatabase.properties());
		properties.put("server.port", "0");
		properties.put("luoshi.admin-password", Api.ADMIN_PASSWORD);
		properties.put("luoshi.demo.enabled", "false");
		properties.put("luoshi.data-dir", dataDir.toString());
		properties.put("luoshi.clock.fixed", "2026-03-16T09:00:00+08:00");
		// no scheduled job may write while the campaign watches the data
		properties.put("luoshi.supervision.escalation-cron", "-");
		properties.put("luoshi.bulletin.cron", "-");
		properties.put("luoshi.notification.poll", "P1D");
		properties.put("logging.level.dev.luoshi.web.ProblemHandling", "WARN");
		String[] arguments = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		application = new SpringApplicationBuilder(LuoshiApplication.class).run(arguments);
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		wire = new Wire(port);
		jdbc = new JdbcTemplate(application.getBean(DataSource.class));
		files = dataDir.resolve("files");
		world = new FuzzWorld(port).build();
		JsonNode document = world.admin().get("/v3/api-docs").json();
		requests = new MalformedRequests(document, PageRoutes.of(application), world);
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
	}

	@Test
	@Order(1)
	void everyMalformedRequestIsRefusedWithAProblemDetailAndChangesNothing() {
		assertThat(world.failures()).as("the district the campaign works on").isEmpty();
		System.out.printf("Bad-input campaign on %s: %,d cases, seed %d (-Dluoshi.fuzz.seed=%d to repeat)%n",
				TestDatabase.kind(), CASES, SEED, SEED);
		SplittableRandom seeds = new SplittableRandom(SEED);
		Map<String, Integer> kinds = new TreeMap<>();
		Map<String, Integer> statuses = new TreeMap<>();
		Map<String, Integer> operations = new HashMap<>();
		Map<String, Long> nanos = new HashMap<>();
		Map<String, Failed> failures = new LinkedHashMap<>();
		Snapshot before = snapshot();
		long started = System.nanoTime();
		long making = 0;
		long watching = 0;
		int sent = 0;
		int audited = 0;
		for (int i = 0; i < CASES; i++) {
			long seed = seeds.nextLong();
			Choices choices = Choices.seeded(seed);
			long start = System.nanoTime();
			Attempt attempt = requests.next(choices);
			long sending = System.nanoTime();
			making += sending - start;
			Wire.Reply reply = wire.send(attempt);
			nanos.merge(attempt.kind().split(", ")[0].replaceFirst("^json: ", ""), System.nanoTime() - sending,
					Long::sum);
			sent++;
			Snapshot ahead = before;
			long watch = System.nanoTime();
			Snapshot after = snapshot();
			watching += System.nanoTime() - watch;
			Optional<String> failure = verdict(attempt, reply).or(() -> unchanged(reply, ahead, after));
			failure.ifPresent((reason) -> failures.putIfAbsent(key(attempt, reply),
					new Failed(choices.record(), seed, attempt, reason)));
			before = after;
			audited += (reply.status() / 100 == 2 && after.events() > 0) ? 1 : 0;
			for (String kind : attempt.kind().split(", ")) {
				kinds.merge(kind.replaceFirst("^json: ", ""), 1, Integer::sum);
			}
			statuses.merge((reply.status() < 0) ? "no answer" : reply.status() / 100 + "xx", 1, Integer::sum);
			operations.merge(attempt.operation(), 1, Integer::sum);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("Sent %,d requests in %.1f s (%.0f per second) to %d operations and page routes: %s%n", sent,
				seconds, sent / seconds, operations.size(), statuses);
		System.out.println("Kinds of bad input: " + kinds);
		System.out.printf(
				"Making the requests took %.1f s, watching the data %.1f s; %d accepted requests were audited%n",
				making / 1e9, watching / 1e9, audited);
		System.out.println("Slowest kinds (seconds in all): " + nanos.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(8)
			.map((entry) -> String.format("%s %.1f", entry.getKey(), entry.getValue() / 1e9))
			.collect(Collectors.joining(", ")));

		List<String> shrunk = failures.values().stream().limit(8).map(this::shrink).toList();
		assertThat(shrunk).as("requests answered wrongly (seed %d), each shrunk to the simplest that still fails", SEED)
			.isEmpty();
		assertThat(sent).isGreaterThanOrEqualTo(CASES);
		if (CASES >= 10_000) {
			assertThat(requests.operations()
				.stream()
				.map(Object::toString)
				.filter((name) -> !operations.containsKey(name))).as("operations of the API that got no bad input")
				.isEmpty();
			assertThat(kinds).as("every kind of bad input is sent")
				.containsKeys("wrong type", "missing field", "huge string", "deep JSON", "markup", "bad date or period",
						"bad number", "malformed JSON", "wrong content type", "bad query", "bad path variable",
						"upload: zip bomb with its sizes declared", "upload: zip bomb with its sizes hidden",
						"upload: sheet unpacking past the limit", "upload: random bytes", "upload: cut-off workbook",
						"page address", "page form", "bad escape", "header too large");
		}
	}

	@Test
	@Order(2)
	void zipBombsAndHugeSheetsAreRefusedAsTooLargeBeforeTheyAreUnpacked() {
		String campaign = world.ids("campaign").get(0);
		for (String path : List.of("/api/v1/campaigns/" + campaign + "/tasks/import",
				"/api/v1/projects/import?year=2026", "/api/v1/projects/investment-reports/import?month=2026-02",
				"/api/v1/indicator-values/import")) {
			for (byte[] workbook : List.of(HostileFiles.zipBomb(true), HostileFiles.zipBomb(false),
					HostileFiles.hugeSheet())) {
				long started = System.nanoTime();
				Api.Response refused = office().upload(path, "台账.xlsx", HostileFiles.XLSX, workbook);
				assertThat(refused.status()).as(path + ": " + refused).isEqualTo(413);
				assertThat(refused.contentType()).startsWith("application/problem+json");
				assertThat((System.nanoTime() - started) / 1e9).as("seconds to refuse").isLessThan(10);
			}
			Api.Response broken = office().upload(path, "台账.xlsx", HostileFiles.XLSX,
					HostileFiles.workbook("<sheetData><row>"));
			assertThat(broken.status()).as(path + ": " + broken).isEqualTo(400);
			assertThat(broken.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
		}
	}

	@Test
	@Order(3)
	void markupInStoredTextIsShownEscapedOnEveryPage() {
		List<String> pages = new ArrayList<>(List.of("/", "/units", "/people", "/users", "/campaigns", "/projects",
				"/headquarters", "/supervision", "/notices", "/rectifications", "/supervision/inspections",
				"/supervision/lagging", "/inbox", "/todo", "/evaluation", "/evaluation/adjustments", "/nominations",
				"/indicators", "/enterprises", "/audit", "/battle-map", "/cockpit", "/board"));
		world.ids("campaign").forEach((id) -> pages.addAll(List.of("/campaigns/" + id, "/battle-map/campaigns/" + id)));
		world.ids("task").forEach((id) -> pages.add("/tasks/" + id));
		world.ids("project").forEach((id) -> pages.add("/projects/" + id));
		world.ids("notice").forEach((id) -> pages.add("/notices/" + id));
		world.ids("headquarters").forEach((id) -> pages.add("/battle-map/headquarters/" + id));
		world.ids("unit").forEach((id) -> pages.add("/battle-map/units/" + id));
		world.ids("person").forEach((id) -> pages.add("/people/" + id + "/record"));
		int escaped = 0;
		for (String page : pages) {
			Wire.Reply reply = wire.send(Attempt.of("page", page, "GET", page)
				.header("Cookie", world.cookie())
				.header("Accept", "text/html"));
			assertThat(reply.status()).as(page).isEqualTo(200);
			String html = reply.text();
			assertThat(html).as(page).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x onerror");
			if (html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")) {
				escaped++;
			}
		}
		assertThat(escaped).as("pages that show a name holding markup, escaped").isGreaterThanOrEqualTo(10);
	}

	private static Api office() {
		return new Api(((WebServerApplicationContext) application).getWebServer().getPort())
			.withToken(world.tokens().get("office"));
	}

	/**
	 * What is wrong with the answer itself: a server error, or a refusal that is no
	 * problem detail.
	 */
	private static Optional<String> verdict(Attempt attempt, Wire.Reply reply) {
		if (reply.status() < 0) {
			return Optional.of("no answer: " + reply.text());
		}
		if (reply.status() >= 500) {
			return Optional.of("server error " + reply.status() + ": " + cut(reply.text()));
		}
		if (reply.status() >= 400) {
			if (!reply.contentType().startsWith("application/problem+json")) {
				return Optional.of("refused with " + reply.status() + " but as '" + reply.contentType()
						+ "', not a problem detail: " + cut(reply.text()));
			}
			try {
				JsonNode problem = JSON.readTree(reply.body());
				if (problem.path("status").asInt() != reply.status() || problem.path("title").asString("").isBlank()) {
					return Optional.of("a problem detail without its status or title: " + cut(reply.text()));
				}
			}
			catch (RuntimeException ex) {
				return Optional.of("a problem detail that is no JSON: " + cut(reply.text()));
			}
		}
		return Optional.empty();
	}

	/** A refused request must have left the data and the stored files as they were. */
	private static Optional<String> unchanged(Wire.Reply reply, Snapshot before, Snapshot after) {
		if (reply.status() < 400) {
			return Optional.empty();
		}
		if (after.events() > 0 || after.rows() != before.rows() || after.files() != before.files()) {
			return Optional.of("refused with " + reply.status() + " but changed data: " + after.events()
					+ " audit events, rows " + before.rows() + " → " + after.rows() + ", stored files " + before.files()
					+ " → " + after.files() + "; " + cut(reply.text()));
		}
		return Optional.empty();
	}

	/**
	 * The rows of the watched tables, the stored files, and the audit events the
	 * campaign's accounts wrote since {@code seq}, read in one query.
	 */
	private record Snapshot(long seq, long events, long rows, long files) {
	}

	private static Snapshot previous;

	private static Snapshot snapshot() {
		long since = (previous != null) ? previous.seq() : Long.MAX_VALUE;
		String actors = world.actors().stream().map((actor) -> "'" + actor + "'").collect(Collectors.joining(","));
		String rows = TABLES.stream()
			.map((table) -> "(select count(*) from " + table + ")")
			.collect(Collectors.joining(" + "));
		Map<String, Object> row = jdbc.queryForMap("select (select coalesce(max(seq), 0) from audit_event) as seq, "
				+ "(select count(*) from audit_event where seq > ? and actor in (" + actors + ")) as events, " + rows
				+ " as total_rows", since);
		long stored;
		try (Stream<Path> list = Files.exists(files) ? Files.list(files) : Stream.empty()) {
			stored = list.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		previous = new Snapshot(((Number) row.get("seq")).longValue(), ((Number) row.get("events")).longValue(),
				((Number) row.get("total_rows")).longValue(), stored);
		return previous;
	}

	/**
	 * One failing case: its recorded choices and seed, the request and what was wrong.
	 */
	private record Failed(long[] record, long seed, Attempt attempt, String reason) {
	}

	private static String key(Attempt attempt, Wire.Reply reply) {
		return attempt.operation() + " " + reply.status() + " " + attempt.kind();
	}

	private String shrink(Failed failed) {
		Shrinking.Shrunk<Attempt> shrunk = Shrinking.shrink(failed.record(), failed.reason(), requests::next,
				(attempt) -> {
					Snapshot before = snapshot();
					Wire.Reply reply = wire.send(attempt);
					return verdict(attempt, reply).or(() -> unchanged(reply, before, snapshot()));
				}, 150, java.time.Duration.ofSeconds(20));
		return "case seed " + failed.seed() + ": " + failed.reason() + "\n  sent: " + failed.attempt()
				+ "\n  shrunk in " + shrunk.tries() + " tries to: " + shrunk.generated() + "\n  which fails with: "
				+ shrunk.failure();
	}

	private static String cut(String text) {
		String line = text.replaceAll("\\s+", " ");
		return (line.length() <= 400) ? line : line.substring(0, 400) + "…";
	}

}
