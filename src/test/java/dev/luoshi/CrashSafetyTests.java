package dev.luoshi;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.ServerProcess;
import dev.luoshi.test.TestDatabase;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server is killed with SIGKILL (as by a power cut of the JVM, or the OOM killer) at
 * random moments while writers file progress reports, monthly investment figures,
 * projects and notices; after each restart on the same database every write the server
 * had acknowledged with a 2xx is there, as acknowledged, with its audit event, and the
 * audit chain verifies. On H2 the database is a file under {@code target/crash} opened
 * with the production URL; on PostgreSQL a database of the test's server.
 */
@Tag("database")
class CrashSafetyTests {

	private static final int ROUNDS = 3;

	private static final int WRITERS_PER_KIND = 2;

	private static final YearMonth FIRST_MONTH = YearMonth.of(2010, 1);

	private static final int MONTHS_PER_PROJECT = 150;

	private final List<ServerProcess> servers = new ArrayList<>();

	@AfterEach
	void killServers() {
		this.servers.forEach(ServerProcess::close);
	}

	@Test
	void noAcknowledgedWriteIsLostWhenTheServerIsKilled() throws InterruptedException {
		Map<String, String> properties = database();
		properties.put("luoshi.clock.fixed", "2026-03-16T09:00:00+08:00");
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Acknowledged acknowledged = new Acknowledged();

		ServerProcess server = start(properties, 0);
		World world = World.create(server.api().asAdmin());
		for (int round = 1; round <= ROUNDS; round++) {
			Load load = new Load(server, world, acknowledged, round);
			load.start();
			// a few writes of every kind first, then a random moment within the load
			load.awaitWrites(10 * load.writers(), Duration.ofSeconds(60));
			Thread.sleep(random.nextInt(1500));
			int before = acknowledged.size();
			load.killServer();
			System.out.printf("Crash test on %s: killed in round %d after %d acknowledged writes%n",
					TestDatabase.kind(), round, before);
			assertThat(load.failures()).as("answers other than 2xx before the kill (seed %d)", seed).isEmpty();

			server = start(properties, round);
			verify(server.api(), world, acknowledged,
					"after kill " + round + " with " + before + " writes acknowledged, seed " + seed + ", " + server);
		}
		server.stop();
	}

	private ServerProcess start(Map<String, String> properties, int run) {
		ServerProcess server = ServerProcess.launch("crash-" + TestDatabase.kind() + "-" + run, properties);
		this.servers.add(server);
		return server.awaitUp();
	}

	/**
	 * On H2 the production URL (a file under the data directory); on PostgreSQL a new
	 * database on the test's server.
	 */
	private static Map<String, String> database() {
		Map<String, String> properties = new LinkedHashMap<>();
		Path dataDir = Path.of("target", "crash", TestDatabase.kind() + "-" + UUID.randomUUID()).toAbsolutePath();
		properties.put("luoshi.data-dir", dataDir.toString());
		if (TestDatabase.postgresql()) {
			TestDatabase.properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
		}
		return properties;
	}

	private static void verify(Api anonymous, World world, Acknowledged acknowledged, String when) {
		Api supervisor = anonymous.as(world.supervisor(), Api.PASSWORD);
		List<String> missing = new ArrayList<>();

		Map<Long, JsonNode> reports = new HashMap<>();
		for (long task : world.tasks()) {
			all(supervisor, "/api/v1/tasks/" + task + "/reports?")
				.forEach((r) -> reports.put(r.path("id").asLong(), r));
		}
		for (Write.Report report : acknowledged.of(Write.Report.class)) {
			JsonNode stored = reports.get(report.id());
			if (stored == null || stored.path("taskId").asLong() != report.taskId()
					|| !stored.path("narrative").asString().equals(report.narrative())
					|| stored.path("percent").decimalValue().compareTo(report.percent()) != 0) {
				missing.add(report + " is " + stored);
			}
		}

		for (Write.Project project : acknowledged.of(Write.Project.class)) {
			Api.Response stored = supervisor.get("/api/v1/projects/" + project.id());
			if (stored.status() != 200 || !stored.json().path("code").asString().equals(project.code())) {
				missing.add(project + " is " + stored);
			}
		}
		Map<Long, JsonNode> figures = new HashMap<>();
		acknowledged.of(Write.Figure.class)
			.stream()
			.map(Write.Figure::projectId)
			.distinct()
			.forEach((project) -> all(supervisor, "/api/v1/projects/" + project + "/investment-reports?")
				.forEach((f) -> figures.put(f.path("id").asLong(), f)));
		for (Write.Figure figure : acknowledged.of(Write.Figure.class)) {
			JsonNode stored = figures.get(figure.id());
			if (stored == null || !stored.path("month").asString().equals(figure.month().toString())
					|| stored.path("amount").decimalValue().compareTo(figure.amount()) != 0) {
				missing.add(figure + " is " + stored);
			}
		}

		Map<Long, JsonNode> notices = new HashMap<>();
		all(supervisor, "/api/v1/notices?unitId=" + world.noticeUnit() + "&")
			.forEach((n) -> notices.put(n.path("id").asLong(), n));
		for (Write.Notice notice : acknowledged.of(Write.Notice.class)) {
			JsonNode stored = notices.get(notice.id());
			if (stored == null || !stored.path("number").asString().equals(notice.number())
					|| !stored.path("subject").asString().equals(notice.subject())) {
				missing.add(notice + " is " + stored);
			}
		}
		assertThat(missing).as("acknowledged writes missing or changed %s (of %d)", when, acknowledged.size())
			.isEmpty();
		assertThat(notices.values().stream().map((n) -> n.path("number").asString()).distinct().count())
			.as("notice numbers are never given twice, " + when)
			.isEqualTo(notices.size());

		assertAudited(supervisor, "report", acknowledged.of(Write.Report.class), Write.Report::id, when);
		assertAudited(supervisor, "investment-report", acknowledged.of(Write.Figure.class), Write.Figure::id, when);
		assertAudited(supervisor, "project", acknowledged.of(Write.Project.class), Write.Project::id, when);
		assertAudited(supervisor, "notice", acknowledged.of(Write.Notice.class), Write.Notice::id, when);
		Api.Response verification = supervisor.get("/api/v1/audit/verify");
		assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
		assertThat(verification.json().path("valid").asBoolean()).as("the audit chain %s: %s", when, verification)
			.isTrue();
		assertThat(verification.json().path("events").asLong()).isGreaterThanOrEqualTo(acknowledged.size());
	}

	private static <T> void assertAudited(Api supervisor, String entityType, List<T> writes, Function<T, Long> id,
			String when) {
		Set<String> audited = new HashSet<>();
		all(supervisor, "/api/v1/audit?entityType=" + entityType + "&")
			.forEach((event) -> audited.add(event.path("entityId").asString()));
		List<T> unaudited = writes.stream()
			.filter((write) -> !audited.contains(String.valueOf(id.apply(write))))
			.toList();
		assertThat(unaudited).as("acknowledged writes without their audit event %s", when).isEmpty();
	}

	/** Every item of a paged list; {@code path} ends with {@code ?} or {@code &}. */
	private static List<JsonNode> all(Api api, String path) {
		List<JsonNode> items = new ArrayList<>();
		for (int page = 0;; page++) {
			Api.Response response = api.get(path + "page=" + page + "&size=500");
			assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
			response.json().path("items").forEach(items::add);
			if (items.size() >= response.json().path("total").asLong() || response.json().path("items").isEmpty()) {
				return items;
			}
		}
	}

	/** What the writers work on, made once through the API. */
	record World(String supervisor, String operator, long leadUnit, long noticeUnit, List<Long> tasks) {

		static World create(Api admin) {
			Fixtures fixtures = new Fixtures(admin);
			long district = fixtures.unit("临江区", "REGION", null);
			long leadUnit = fixtures.unit("区住建局", "DEPARTMENT", district);
			long noticeUnit = fixtures.unit("区城管局", "DEPARTMENT", district);
			String supervisor = fixtures.user(district, "SUPERVISOR");
			String operator = fixtures.user(leadUnit, "UNIT_OPERATOR");
			Api office = admin.anonymous().as(supervisor, Api.PASSWORD);
			long leader = admin.post("/api/v1/people", Map.of("name", "孙海燕", "unitId", district)).id();
			Api.Response campaign = office.post("/api/v1/campaigns",
					Map.of("code", Fixtures.unique("GJ"), "name", "城市建设管理攻坚行动", "year", 2026, "leadLeaderId", leader,
							"leadUnitId", leadUnit, "startDate", "2026-01-01", "endDate", "2026-12-31",
							"taskForceUserIds", List.of()));
			assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
			List<Long> tasks = new ArrayList<>();
			for (String title : List.of("老旧小区改造", "背街小巷整治", "雨污分流改造", "口袋公园建设")) {
				Api.Response task = office.post("/api/v1/campaigns/" + campaign.id() + "/tasks", Map.of("title", title,
						"leadUnitId", leadUnit, "cooperatingUnitIds", List.of(), "deadline", "2026-12-31"));
				assertThat(task.status()).as(task.toString()).isEqualTo(201);
				tasks.add(task.id());
			}
			return new World(supervisor, operator, leadUnit, noticeUnit, tasks);
		}

	}

	/** One write the server acknowledged, with what identifies it. */
	sealed interface Write {

		record Report(long id, long taskId, String narrative, BigDecimal percent) implements Write {
		}

		record Project(long id, String code) implements Write {
		}

		record Figure(long id, long projectId, YearMonth month, BigDecimal amount) implements Write {
		}

		record Notice(long id, String number, String subject) implements Write {
		}

	}

	/** Every acknowledged write of every round. */
	static final class Acknowledged {

		private final Queue<Write> writes = new ConcurrentLinkedQueue<>();

		void add(Write write) {
			this.writes.add(write);
		}

		int size() {
			return this.writes.size();
		}

		<T extends Write> List<T> of(Class<T> kind) {
			return this.writes.stream().filter(kind::isInstance).map(kind::cast).toList();
		}

	}

	/**
	 * Writer threads of each kind, each sending one write after the other as fast as the
	 * server answers, until the server is gone.
	 */
	static final class Load {

		private final ServerProcess server;

		private final World world;

		private final Acknowledged acknowledged;

		private final int round;

		private final List<Thread> threads = new ArrayList<>();

		private final Queue<String> failures = new ConcurrentLinkedQueue<>();

		private final AtomicInteger written = new AtomicInteger();

		private final AtomicBoolean killed = new AtomicBoolean();

		Load(ServerProcess server, World world, Acknowledged acknowledged, int round) {
			this.server = server;
			this.world = world;
			this.acknowledged = acknowledged;
			this.round = round;
		}

		int writers() {
			return 3 * WRITERS_PER_KIND;
		}

		void start() {
			Api operator = this.server.api().as(this.world.operator(), Api.PASSWORD);
			Api supervisor = this.server.api().as(this.world.supervisor(), Api.PASSWORD);
			for (int i = 0; i < WRITERS_PER_KIND; i++) {
				int writer = i;
				Api reportApi = operator.anonymous().as(this.world.operator(), Api.PASSWORD);
				Api figureApi = operator.anonymous().as(this.world.operator(), Api.PASSWORD);
				Api noticeApi = supervisor.anonymous().as(this.world.supervisor(), Api.PASSWORD);
				Figures figures = new Figures(figureApi, supervisor, writer);
				this.threads
					.add(new Thread(() -> writeUntilKilled((n) -> report(reportApi, writer, n)), "reports-" + writer));
				this.threads.add(new Thread(() -> writeUntilKilled(figures::next), "figures-" + writer));
				this.threads
					.add(new Thread(() -> writeUntilKilled((n) -> notice(noticeApi, writer, n)), "notices-" + writer));
			}
			this.threads.forEach(Thread::start);
		}

		private void writeUntilKilled(Function<Integer, Boolean> write) {
			for (int n = 0; !this.killed.get(); n++) {
				try {
					if (write.apply(n)) {
						this.written.incrementAndGet();
					}
				}
				catch (RuntimeException ex) {
					if (!this.killed.get()) {
						this.failures.add(Thread.currentThread().getName() + ": " + ex);
					}
					return;
				}
			}
		}

		private boolean report(Api operator, int writer, int n) {
			long task = this.world.tasks().get((writer + n) % this.world.tasks().size());
			String narrative = "第" + this.round + "轮 " + writer + "-" + n + " 按计划推进";
			BigDecimal percent = BigDecimal.valueOf(n % 100);
			Api.Response response = operator.post("/api/v1/tasks/" + task + "/reports",
					Map.of("period", "2026-03", "percent", percent, "narrative", narrative));
			return acknowledge(response, () -> new Write.Report(response.id(), task, narrative, percent));
		}

		private boolean notice(Api supervisor, int writer, int n) {
			String subject = "第" + this.round + "轮 " + writer + "-" + n + " 占道经营整治进度滞后";
			Api.Response response = supervisor.post("/api/v1/notices",
					Map.of("unitId", this.world.noticeUnit(), "level", "REMINDER", "subject", subject));
			return acknowledge(response,
					() -> new Write.Notice(response.id(), response.json().path("number").asString(), subject));
		}

		/** A writer's own projects, each filled month by month. */
		private final class Figures {

			private final Api operator;

			private final Api supervisor;

			private final int writer;

			private long project;

			private int filed = MONTHS_PER_PROJECT;

			Figures(Api operator, Api supervisor, int writer) {
				this.operator = operator;
				this.supervisor = supervisor;
				this.writer = writer;
			}

			boolean next(int n) {
				if (this.filed == MONTHS_PER_PROJECT) {
					String code = Fixtures.unique("XM");
					Api.Response created = this.supervisor.post("/api/v1/projects",
							Map.of("code", code, "name", "第" + Load.this.round + "轮 滨江数字产业园 " + this.writer, "category",
									"INDUSTRY", "leadUnitId", Load.this.world.leadUnit(), "totalInvestment",
									new BigDecimal("250000000.00"), "startDate", "2010-01-01", "plannedCompletion",
									"2027-12-31", "phase", "CONSTRUCTION"));
					boolean acknowledged = acknowledge(created, () -> new Write.Project(created.id(), code));
					if (acknowledged) {
						this.project = created.id();
						this.filed = 0;
					}
					return acknowledged;
				}
				YearMonth month = FIRST_MONTH.plusMonths(this.filed);
				BigDecimal amount = new BigDecimal(1000 + n).setScale(2);
				long project = this.project;
				Api.Response filed = this.operator.post("/api/v1/projects/" + project + "/investment-reports",
						Map.of("month", month.toString(), "amount", amount));
				boolean acknowledged = acknowledge(filed, () -> new Write.Figure(filed.id(), project, month, amount));
				if (acknowledged) {
					this.filed++;
				}
				return acknowledged;
			}

		}

		private boolean acknowledge(Api.Response response, Supplier<Write> write) {
			if (response.status() / 100 == 2) {
				this.acknowledged.add(write.get());
				return true;
			}
			this.failures.add(Thread.currentThread().getName() + ": " + response);
			return false;
		}

		void awaitWrites(int count, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (this.written.get() < count && System.nanoTime() < deadline && this.failures.isEmpty()) {
				Thread.sleep(20);
			}
			assertThat(this.failures).as("answers other than 2xx").isEmpty();
			assertThat(this.written.get()).as("writes within " + timeout).isGreaterThanOrEqualTo(count);
		}

		/**
		 * Kills the server mid-load and waits for the writers, whose requests in flight
		 * fail.
		 */
		void killServer() throws InterruptedException {
			this.killed.set(true);
			this.server.kill();
			for (Thread thread : this.threads) {
				thread.join(Duration.ofSeconds(30).toMillis());
				assertThat(thread.isAlive()).as(thread.getName() + " still writes after the kill").isFalse();
			}
		}

		List<String> failures() {
			return List.copyOf(this.failures);
		}

	}

}
