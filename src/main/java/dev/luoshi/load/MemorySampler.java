package dev.luoshi.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a server's heap through its Prometheus metrics while a soak runs. The heap used
 * rises and falls with every collection, so what counts is its lowest point in each
 * interval (polled every few seconds): a sawtooth whose troughs stay level is flat
 * memory; troughs that climb are a leak. The verdict fits a line through the troughs
 * after the first fifth of the run (warm-up, caches filling) and calls memory flat when
 * the line rises by less than 32 MiB or 10 % of the mean trough over the whole run.
 */
final class MemorySampler {

	private static final Pattern HEAP = Pattern
		.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.eE+-]+)", Pattern.MULTILINE);

	private static final Pattern LIVE = Pattern.compile("^jvm_gc_live_data_size_bytes(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)",
			Pattern.MULTILINE);

	private static final double MIB = 1024 * 1024;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final URI metrics;

	private final List<Sample> samples = new ArrayList<>();

	private double troughSinceLast = Double.MAX_VALUE;

	private double liveSinceLast;

	private int failures;

	MemorySampler(String url) {
		this.metrics = URI.create(url + "/actuator/prometheus");
	}

	/** Reads the heap once; called every few seconds. */
	synchronized void poll() {
		try {
			String text = this.http
				.send(HttpRequest.newBuilder(this.metrics).timeout(Duration.ofSeconds(10)).GET().build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
				.body();
			double heap = 0;
			Matcher pools = HEAP.matcher(text);
			while (pools.find()) {
				heap += Double.parseDouble(pools.group(1));
			}
			Matcher live = LIVE.matcher(text);
			if (heap > 0) {
				this.troughSinceLast = Math.min(this.troughSinceLast, heap);
			}
			if (live.find()) {
				this.liveSinceLast = Double.parseDouble(live.group(1));
			}
		}
		catch (IOException | RuntimeException ex) {
			this.failures++;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Closes an interval: its lowest heap seen, and the live data after the last GC. */
	synchronized Sample sample(long elapsedSeconds) {
		Sample sample = record(new Sample(elapsedSeconds,
				(this.troughSinceLast == Double.MAX_VALUE) ? Double.NaN : this.troughSinceLast / MIB,
				this.liveSinceLast / MIB));
		this.troughSinceLast = Double.MAX_VALUE;
		return sample;
	}

	synchronized Sample record(Sample sample) {
		this.samples.add(sample);
		return sample;
	}

	synchronized int failures() {
		return this.failures;
	}

	/**
	 * The line through the samples after warm-up, and whether it is flat: through the
	 * live data after full collections when the server has had enough of them, else
	 * through the troughs of the heap.
	 */
	synchronized Verdict verdict() {
		List<Sample> settled = this.samples.subList(this.samples.size() / 5, this.samples.size());
		List<double[]> live = settled.stream()
			.filter((sample) -> sample.liveMib() > 0)
			.map((sample) -> new double[] { sample.elapsedSeconds(), sample.liveMib() })
			.toList();
		List<double[]> troughs = settled.stream()
			.filter((sample) -> !Double.isNaN(sample.troughMib()))
			.map((sample) -> new double[] { sample.elapsedSeconds(), sample.troughMib() })
			.toList();
		boolean byLive = live.size() >= 3 && live.size() * 2 >= settled.size();
		List<double[]> points = byLive ? live : troughs;
		if (points.size() < 3) {
			return new Verdict(Double.NaN, Double.NaN, Double.NaN, false, "too few samples to judge");
		}
		double n = points.size();
		double meanX = points.stream().mapToDouble((point) -> point[0]).sum() / n;
		double meanY = points.stream().mapToDouble((point) -> point[1]).sum() / n;
		double covariance = 0;
		double variance = 0;
		for (double[] point : points) {
			covariance += (point[0] - meanX) * (point[1] - meanY);
			variance += (point[0] - meanX) * (point[0] - meanX);
		}
		double slopePerSecond = (variance > 0) ? covariance / variance : 0;
		double span = this.samples.get(this.samples.size() - 1).elapsedSeconds();
		double growth = slopePerSecond * span;
		double allowed = Math.max(32, meanY * 0.10);
		boolean flat = growth < allowed;
		return new Verdict(slopePerSecond * 3600, growth, meanY, flat,
				String.format(Locale.ROOT,
						"%s: %s %+.1f MiB/h, %+.1f MiB over the run (mean %.1f MiB, allowed < %.1f MiB)",
						flat ? "FLAT" : "GROWING", byLive ? "live data after GC" : "heap troughs",
						slopePerSecond * 3600, growth, meanY, allowed));
	}

	/** One interval: seconds since the start, lowest heap used, live data after GC. */
	record Sample(long elapsedSeconds, double troughMib, double liveMib) {
	}

	/** The fitted slope and what it means. */
	record Verdict(double mibPerHour, double growthMib, double meanTroughMib, boolean flat, String text) {
	}

}
