package dev.luoshi.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The external anchor (外部锚定): periodically exports the head of the audit chain out of the
 * database, as a line appended to {@code luoshi.audit.anchor.dir/audit-anchors.jsonl}
 * and/or posted to {@code luoshi.audit.anchor.url}, once per cluster (ShedLock). Someone
 * with write access to the database could alter an event and recompute every digest after
 * it, and the chain would verify again; it would no longer match the digests already
 * anchored outside.
 */
@Component
class AnchorPublisher {

	static final String FILE_NAME = "audit-anchors.jsonl";

	private static final Logger log = LoggerFactory.getLogger(AnchorPublisher.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final AuditTrail trail;

	private final AuditProperties.Anchor settings;

	private final JsonMapper json;

	AnchorPublisher(AuditTrail trail, AuditProperties properties, JsonMapper json) {
		this.trail = trail;
		this.settings = properties.anchor();
		this.json = json;
	}

	@Scheduled(cron = "${luoshi.audit.anchor.cron:0 7 * * * *}", zone = "${luoshi.zone:Asia/Shanghai}")
	@SchedulerLock(name = "audit-anchor", lockAtMostFor = "PT10M")
	public void scheduled() {
		if (this.settings.enabled()) {
			publish();
		}
	}

	/**
	 * Exports the current head wherever configured and returns it. A failed post is
	 * logged and simply tried again next period; the file is written first and forced to
	 * disk.
	 */
	AuditAnchor publish() {
		AuditAnchor head = this.trail.head();
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("seq", head.seq());
		line.put("digest", head.digest());
		line.put("algorithm", head.algorithm());
		line.put("eventAt", (head.eventAt() != null) ? head.eventAt().toString() : null);
		line.put("at", head.at().toString());
		String text = this.json.writeValueAsString(line);
		if (this.settings.dir() != null) {
			append(this.settings.dir().resolve(FILE_NAME), text);
		}
		if (this.settings.url() != null) {
			post(text);
		}
		log.info("Anchored the audit chain at event {} ({} {})", head.seq(), head.algorithm(), head.digest());
		return head;
	}

	private static void append(Path file, String line) {
		try {
			Files.createDirectories(file.getParent());
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot append the audit anchor to " + file, ex);
		}
	}

	private void post(String body) {
		try {
			HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(this.settings.url())
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				log.warn("The audit anchor endpoint {} answered {}; trying again next period", this.settings.url(),
						response.statusCode());
			}
		}
		catch (IOException ex) {
			log.warn("Cannot post the audit anchor to {}: {}; trying again next period", this.settings.url(),
					ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
