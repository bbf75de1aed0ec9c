package dev.luoshi.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP load harness: drives a running server's hot endpoints for a while at a given
 * concurrency and reports throughput and latency percentiles, as a table and as JSON. A
 * plain program (no Spring), run from the built jar:
 *
 * <pre>
 * java -Dloader.main=dev.luoshi.load.LoadHarness -cp target/luoshi.jar \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --url=http://localhost:8080 --password=… --admin-password=… --duration=30s --concurrency=32
 * </pre>
 *
 * Scenarios: {@code overdue} (a page of the RED tasks), {@code tree} (a campaign's task
 * tree), {@code unit} (a unit's task list), {@code summary} (the project summary),
 * {@code report} (a liaison files a report on one of its unit's tasks and the office
 * accepts it, which updates the progress and lights); {@code name:16} runs one at another
 * concurrency. They run one after the other, or with {@code --soak=30m} all at once for
 * that long while the server's heap is sampled ({@link MemorySampler},
 * {@code --memory-every=60s}); a soak ends with a verdict on errors and memory and exits
 * with 1 when either is bad. A token that expires or idles out is replaced by signing in
 * again.
 */
public final class LoadHarness {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final Map<String, String> options;

	private final String url;

	/** The server's time zone, which says which month a report is for. */
	private final ZoneId zone;

	private final List<Long> campaigns = new ArrayList<>();

	private final List<Long> units = new ArrayList<>();

	private final List<Filing> filings = new ArrayList<>();

	/** The password of every account the harness signs in as. */
	private final Map<String, String> passwords = new ConcurrentHashMap<>();

	/**
	 * The current token of every account, replaced when the server no longer takes it.
	 */
	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	/** Operations done and failed so far, for the soak's running lines. */
	private final AtomicLong done = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private String supervisor;

	private long redPages;

	private LoadHarness(Map<String, String> options) {
		this.options = options;
		this.url = options.getOrDefault("url", "http://localhost:8080").replaceAll("/$", "");
		this.zone = ZoneId.of(options.getOrDefault("zone", "Asia/Shanghai"));
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				System.err.println("Arguments look like --name=value; see the README's section on performance");
				System.exit(2);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		new LoadHarness(options).run();
	}

	private void run() throws Exception {
		Duration duration = duration(this.options.getOrDefault("duration", "30s"));
		Duration warmup = duration(this.options.getOrDefault("warmup", "10s"));
		List<String> scenarios = Arrays
			.asList(this.options.getOrDefault("scenarios", "overdue,tree,unit,summary,report:16").split(","));
		prepare(scenarios.stream().anyMatch((s) -> s.startsWith("report")));
		if (this.options.containsKey("soak")) {
			soak(scenarios, duration(this.options.get("soak")));
			return;
		}
		List<Result> results = new ArrayList<>();
		for (String scenario : scenarios) {
			drive(name(scenario), clients(scenario), warmup);
			Result result = drive(name(scenario), clients(scenario), duration);
			results.add(result);
			System.out.println(result.line());
		}
		System.out.println();
		System.out.println(Result.HEADER);
		results.forEach((result) -> System.out.println(result.line()));
		write(Map.of("url", this.url, "date", LocalDate.now().toString(), "durationSeconds", duration.toSeconds(),
				"results", results.stream().map(Result::asMap).toList()));
	}

	/**
	 * Runs every scenario at once for the whole time, printing a line per interval with
	 * the operations done, the errors and the server's heap, then the verdict. Exits with
	 * 1 when there was an error or memory grew.
	 */
	private void soak(List<String> scenarios, Duration length) throws Exception {
		Duration every = duration(this.options.getOrDefault("memory-every", "60s"));
		MemorySampler memory = new MemorySampler(this.url);
		ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
		long start = System.nanoTime();
		long[] last = { 0, System.nanoTime() };
		System.out.printf(Locale.ROOT, "Soak of %s, all at once, for %d s; heap sampled every %d s%n", scenarios,
				length.toSeconds(), every.toSeconds());
		System.out.printf(Locale.ROOT, "%8s %10s %7s %8s %14s %10s%n", "elapsed", "operations", "errors", "ops/s",
				"heap trough MiB", "live MiB");
		ticker.scheduleAtFixedRate(memory::poll, 0, 2, TimeUnit.SECONDS);
		ticker.scheduleAtFixedRate(() -> {
			long now = System.nanoTime();
			MemorySampler.Sample sample = memory.sample(TimeUnit.NANOSECONDS.toSeconds(now - start));
			long operations = this.done.get();
			double rate = (operations - last[0]) / ((now - last[1]) / 1e9);
			last[0] = operations;
			last[1] = now;
			System.out.printf(Locale.ROOT, "%7ds %10d %7d %8.1f %14.1f %10s%n", sample.elapsedSeconds(), operations,
					this.failed.get(), rate, sample.troughMib(),
					(sample.liveMib() > 0) ? String.format(Locale.ROOT, "%.1f", sample.liveMib()) : "-");
		}, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
		ExecutorService drivers = Executors.newFixedThreadPool(scenarios.size());
		List<Future<Result>> running = new ArrayList<>();
		for (String scenario : scenarios) {
			running.add(drivers.submit(() -> drive(name(scenario), clients(scenario), length)));
		}
		List<Result> results = new ArrayList<>();
		for (Future<Result> result : running) {
			results.add(result.get());
		}
		drivers.shutdown();
		ticker.shutdownNow();
		long errors = results.stream().mapToLong(Result::errors).sum();
		MemorySampler.Verdict verdict = memory.verdict();
		System.out.println();
		System.out.println(Result.HEADER);
		results.forEach((result) -> System.out.println(result.line()));
		System.out.println();
		System.out.println("Errors: " + errors + ((errors == 0) ? " (OK)" : " (FAILED)"));
		System.out.println("Memory: " + verdict.text()
				+ ((memory.failures() > 0) ? "; " + memory.failures() + " metric reads failed" : ""));
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("url", this.url);
		report.put("date", LocalDate.now().toString());
		report.put("soakSeconds", length.toSeconds());
		report.put("errors", errors);
		report.put("memoryFlat", verdict.flat());
		report.put("heapTroughMibPerHour", verdict.mibPerHour());
		report.put("results", results.stream().map(Result::asMap).toList());
		write(report);
		if (errors > 0 || !verdict.flat()) {
			System.exit(1);
		}
	}

	private void write(Map<String, Object> report) throws IOException {
		Path out = Path.of(this.options.getOrDefault("json", "target/load-results.json"));
		if (out.getParent() != null) {
			Files.createDirectories(out.getParent());
		}
		Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
		System.out.println("\nJSON: " + out.toAbsolutePath());
	}

	private static String name(String scenario) {
		return scenario.contains(":") ? scenario.substring(0, scenario.indexOf(':')) : scenario;
	}

	private int clients(String scenario) {
		return scenario.contains(":") ? Integer.parseInt(scenario.substring(scenario.indexOf(':') + 1))
				: Integer.parseInt(this.options.getOrDefault("concurrency", "32"));
	}

	/** Signs in and learns what there is to ask for. */
	private void prepare(boolean filings) {
		String password = required("password");
		this.supervisor = this.options.getOrDefault("user", "supervisor");
		this.passwords.put(this.supervisor, password);
		tokenOf(this.supervisor);
		get(this.supervisor, "/api/v1/campaigns").forEach((c) -> this.campaigns.add(c.path("id").asLong()));
		JsonNode red = get(this.supervisor, "/api/v1/tasks?light=RED&size=20");
		this.redPages = Math.max(1, (red.path("total").asLong() + 19) / 20);
		for (int page = 0; page < 5; page++) {
			get(this.supervisor, "/api/v1/tasks?size=100&page=" + page).path("items")
				.forEach((task) -> this.units.add(task.path("leadUnitId").asLong()));
		}
		if (this.campaigns.isEmpty() || this.units.isEmpty()) {
			throw new IllegalStateException("The server has no campaigns or tasks: generate a data set first");
		}
		if (filings) {
			this.passwords.put("admin", required("admin-password"));
			JsonNode operators = get("admin", "/api/v1/users?q=op.&size=200").path("items");
			for (JsonNode operator : operators) {
				if (this.filings.size() >= 400) {
					break;
				}
				String username = operator.path("username").asString();
				this.passwords.put(username, password);
				tokenOf(username);
				get(this.supervisor, "/api/v1/tasks?size=20&unitId=" + operator.path("unitId").asLong()).path("items")
					.forEach((task) -> {
						if (task.path("parentId").isNumber() && "OPEN".equals(task.path("status").asString())
								&& task.path("leadUnitId").asLong() == operator.path("unitId").asLong()) {
							this.filings.add(new Filing(username, task.path("id").asLong()));
						}
					});
			}
			if (this.filings.isEmpty()) {
				throw new IllegalStateException("No liaison with an open task was found");
			}
		}
		System.out.printf(Locale.ROOT, "Prepared: %d campaigns, %d RED pages, %d units, %d liaison tasks%n",
				this.campaigns.size(), this.redPages, this.units.size(), this.filings.size());
	}

	private Result drive(String scenario, int clients, Duration duration) throws InterruptedException {
		long[][] latencies = new long[clients][];
		int[] counts = new int[clients];
		AtomicLong errors = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			pool.execute(() -> {
				long[] mine = new long[4096];
				int n = 0;
				while (System.nanoTime() < end) {
					long began = System.nanoTime();
					boolean ok;
					try {
						ok = once(scenario);
					}
					catch (RuntimeException ex) {
						ok = false;
					}
					long took = System.nanoTime() - began;
					if (!ok) {
						errors.incrementAndGet();
						this.failed.incrementAndGet();
						continue;
					}
					this.done.incrementAndGet();
					if (n == mine.length) {
						mine = Arrays.copyOf(mine, n * 2);
					}
					mine[n++] = took;
				}
				latencies[client] = mine;
				counts[client] = n;
			});
		}
		pool.shutdown();
		pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(latencies[c], 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		return new Result(scenario, clients, total, errors.get(), duration, all);
	}

	/** One operation of a scenario; false when the server did not answer 2xx. */
	private boolean once(String scenario) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return switch (scenario) {
			case "overdue" -> ok(call(this.supervisor, "GET",
					"/api/v1/tasks?light=RED&size=20&page=" + random.nextLong(Math.min(this.redPages, 500)), null));
			case "tree" -> ok(call(this.supervisor, "GET",
					"/api/v1/campaigns/" + this.campaigns.get(random.nextInt(this.campaigns.size())) + "/tasks", null));
			case "unit" -> ok(call(this.supervisor, "GET",
					"/api/v1/tasks?size=20&unitId=" + this.units.get(random.nextInt(this.units.size())), null));
			case "summary" -> ok(call(this.supervisor, "GET", "/api/v1/projects/summary", null));
			case "report" -> report(this.filings.get(random.nextInt(this.filings.size())), random);
			default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
		};
	}

	private boolean report(Filing filing, ThreadLocalRandom random) {
		HttpResponse<String> filed = call(filing.username(), "POST", "/api/v1/tasks/" + filing.taskId() + "/reports",
				Map.of("period", YearMonth.now(this.zone).toString(), "percent", 50 + random.nextInt(49), "narrative",
						"压力测试：本期按计划推进。"));
		if (!ok(filed)) {
			return false;
		}
		long id = JSON.readTree(filed.body()).path("id").asLong();
		return ok(call(this.supervisor, "POST", "/api/v1/reports/" + id + "/review",
				Map.of("decision", "ACCEPT", "comment", "压力测试")));
	}

	private String token(String username, String password) {
		HttpResponse<String> response = send(null, "POST", "/api/v1/auth/token",
				Map.of("username", username, "password", password));
		if (!ok(response)) {
			throw new IllegalStateException(
					"Signing in as " + username + " failed: " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body()).path("token").asString();
	}

	private String tokenOf(String username) {
		return this.tokens.computeIfAbsent(username, (name) -> token(name, this.passwords.get(name)));
	}

	/**
	 * A request as the account; when the server no longer takes its token (expired, or
	 * idle too long), signs in again and asks once more.
	 */
	private HttpResponse<String> call(String username, String method, String path, Object body) {
		String token = tokenOf(username);
		HttpResponse<String> response = send(token, method, path, body);
		if (response.statusCode() == 401) {
			this.tokens.remove(username, token);
			response = send(tokenOf(username), method, path, body);
		}
		return response;
	}

	private JsonNode get(String username, String path) {
		HttpResponse<String> response = call(username, "GET", path, null);
		if (!ok(response)) {
			throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(String token, String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method,
						HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean ok(HttpResponse<String> response) {
		return response.statusCode() / 100 == 2;
	}

	private String required(String name) {
		String value = this.options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Give --" + name + "=…");
		}
		return value;
	}

	private static Duration duration(String text) {
		String digits = text.replaceAll("[^0-9]", "");
		long amount = Long.parseLong(digits);
		return text.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
	}

	private record Filing(String username, long taskId) {
	}

	/** One scenario's outcome. */
	private record Result(String scenario, int clients, int requests, long errors, Duration duration, long[] sorted) {

		static final String HEADER = String.format(Locale.ROOT, "%-8s %7s %9s %7s %9s %8s %8s %8s %8s", "scenario",
				"clients", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms");

		double throughput() {
			return this.requests / (double) this.duration.toMillis() * 1000;
		}

		double percentile(double p) {
			if (this.sorted.length == 0) {
				return 0;
			}
			int index = (int) Math.ceil(p / 100 * this.sorted.length) - 1;
			return this.sorted[Math.max(0, Math.min(index, this.sorted.length - 1))] / 1_000_000.0;
		}

		String line() {
			return String.format(Locale.ROOT, "%-8s %7d %9d %7d %9.1f %8.1f %8.1f %8.1f %8.1f", this.scenario,
					this.clients, this.requests, this.errors, throughput(), percentile(50), percentile(95),
					percentile(99), percentile(100));
		}

		Map<String, Object> asMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("scenario", this.scenario);
			map.put("clients", this.clients);
			map.put("requests", this.requests);
			map.put("errors", this.errors);
			map.put("requestsPerSecond", Math.round(throughput() * 10) / 10.0);
			map.put("p50Ms", percentile(50));
			map.put("p95Ms", percentile(95));
			map.put("p99Ms", percentile(99));
			map.put("maxMs", percentile(100));
			return map;
		}

	}

}
