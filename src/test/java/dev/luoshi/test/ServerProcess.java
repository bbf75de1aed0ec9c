package dev.luoshi.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server as a separate JVM, started from the test's own classes, so that a test can
 * kill it like a power cut (SIGKILL, no shutdown hooks) or run two of them on one
 * database. Its output goes to {@code target/processes/<name>.log}, whose tail a failure
 * shows.
 */
public final class ServerProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/** Servers still running when the test JVM exits are killed with it. */
	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "server-processes"));
	}

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private ServerProcess(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts a server with these Spring properties (each passed as {@code --key=value})
	 * and returns at once; {@link #awaitUp()} waits for it.
	 */
	public static ServerProcess launch(String name, Map<String, String> properties) {
		int port = freePort();
		Path log = Path.of("target", "processes", name + ".log").toAbsolutePath();
		Map<String, String> all = new LinkedHashMap<>();
		all.put("server.port", String.valueOf(port));
		all.put("luoshi.demo.enabled", "false");
		all.put("luoshi.admin-password", Api.ADMIN_PASSWORD);
		all.putAll(properties);
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
				"-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
				"dev.luoshi.LuoshiApplication"));
		all.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
				.start();
			RUNNING.add(process);
			process.onExit().thenRun(() -> RUNNING.remove(process));
			return new ServerProcess(name, port, log, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts a server and waits until it is up. */
	public static ServerProcess start(String name, Map<String, String> properties) {
		return launch(name, properties).awaitUp();
	}

	/**
	 * Waits until {@code /actuator/health} says UP; fails with the end of the server's
	 * output if it exits or takes too long.
	 */
	public ServerProcess awaitUp() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ " before it was up; its output ends:\n" + tail(60));
			}
			if (up()) {
				return this;
			}
			sleep(Duration.ofMillis(250));
		}
		throw new IllegalStateException(
				this.name + " was not up after " + START_TIMEOUT + "; its output ends:\n" + tail(60));
	}

	private boolean up() {
		try {
			HttpResponse<String> health = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && health.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	public Api api() {
		return new Api(this.port);
	}

	public boolean alive() {
		return this.process.isAlive();
	}

	/** SIGKILL: no shutdown hook, no connection pool closed, nothing flushed. */
	public void kill() {
		this.process.destroyForcibly();
		waitForExit();
	}

	/** An orderly shutdown (SIGTERM), killed if it takes too long. */
	public void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
		}
	}

	private void waitForExit() {
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this.name + " did not exit after SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Everything the server has written so far. */
	public String output() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The last lines the server wrote, for failure messages. */
	public String tail(int lines) {
		List<String> all = output().lines().toList();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	/** Kills the server if it still runs; safe to call more than once. */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	@Override
	public String toString() {
		return this.name + " on port " + this.port + " (output in " + this.log + ")";
	}

	private static String java() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
