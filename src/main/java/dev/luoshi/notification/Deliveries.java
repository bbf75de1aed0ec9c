package dev.luoshi.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the queued deliveries: e-mails (one a day for those who chose a digest) and
 * messages to group robots in DingTalk, WeCom or Feishu format, signed when the robot has
 * a secret. Nothing is pushed in quiet hours: what falls due then waits until they end. A
 * failed attempt is recorded and tried again later, up to a limit, after which the
 * delivery stays FAILED for someone to look at; nothing is dropped.
 */
@Component
public class Deliveries {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final NotificationProperties properties;

	private final Clock clock;

	/** How long a claimed delivery is this run's before another may take it. */
	private static final Duration LEASE = Duration.ofMinutes(10);

	/** WeCom takes at most 4096 bytes of markdown. */
	private static final int WECOM_BYTES = 4096;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Deliveries(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.properties = properties;
		this.clock = clock;
	}

	/** What one run did. */
	public record Run(int sent, int failed, int held) {
	}

	@Scheduled(fixedDelayString = "${luoshi.notification.poll:PT30S}", initialDelayString = "PT20S")
	@SchedulerLock(name = "deliveries", lockAtMostFor = "PT5M")
	public void scheduled() {
		Run run = run();
		if (run.sent() + run.failed() > 0) {
			log.info("Deliveries: {} sent, {} failed, {} held for the quiet hours", run.sent(), run.failed(),
					run.held());
		}
	}

	/**
	 * Sends what is due now. Each delivery is claimed before it is sent (a lease of ten
	 * minutes), so two runs, on one node or two, never send it twice; one whose sender
	 * died is due again when its lease ends. Quiet hours are checked before each send.
	 */
	public Run run() {
		Instant now = this.clock.instant();
		List<Row> due = this.jdbc
			.sql("select d.id, d.channel, d.target, d.subject, d.body, d.attempts, r.kind, r.secret from delivery d "
					+ "left join robot r on r.id = d.robot_id where d.status in ('PENDING', 'SENDING') "
					+ "and d.next_attempt_at <= ? order by d.id fetch first 500 rows only")
			.param(Timestamp.from(now))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("channel"), rs.getString("target"),
					rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"), rs.getString("kind"),
					rs.getString("secret")))
			.list();
		int sent = 0;
		int failed = 0;
		int held = 0;
		Map<String, List<Row>> digests = new LinkedHashMap<>();
		for (Row row : due) {
			Instant quietEnd = quietEnd(this.clock.instant());
			if (quietEnd != null) {
				held += this.jdbc
					.sql("update delivery set status = 'PENDING', next_attempt_at = ? where id = ? "
							+ "and status in ('PENDING', 'SENDING') and next_attempt_at <= ?")
					.params(Timestamp.from(quietEnd), row.id(), Timestamp.from(now))
					.update();
				continue;
			}
			if (!claim(row, now)) {
				continue;
			}
			if (row.channel().equals("DIGEST")) {
				digests.computeIfAbsent(row.target(), (key) -> new ArrayList<>()).add(row);
				continue;
			}
			if (attempt(List.of(row), () -> send(row))) {
				sent++;
			}
			else {
				failed++;
			}
		}
		for (List<Row> digest : digests.values()) {
			if (attempt(digest, () -> sendDigest(digest))) {
				sent += digest.size();
			}
			else {
				failed += digest.size();
			}
		}
		return new Run(sent, failed, held);
	}

	/** Takes a delivery for this run; false when another run has it. */
	private boolean claim(Row row, Instant now) {
		return this.jdbc
			.sql("update delivery set status = 'SENDING', next_attempt_at = ? where id = ? "
					+ "and status in ('PENDING', 'SENDING') and next_attempt_at <= ?")
			.params(Timestamp.from(this.clock.instant().plus(LEASE)), row.id(), Timestamp.from(now))
			.update() == 1;
	}

	private boolean attempt(List<Row> rows, ThrowingRunnable send) {
		Instant now = this.clock.instant();
		try {
			send.run();
			rows.forEach((row) -> this.jdbc
				.sql("update delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null "
						+ "where id = ?")
				.params(Timestamp.from(now), row.id())
				.update());
			return true;
		}
		catch (Exception ex) {
			String error = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			for (Row row : rows) {
				int attempts = row.attempts() + 1;
				boolean giveUp = attempts >= this.properties.maxAttempts();
				this.jdbc.sql(
						"update delivery set attempts = ?, status = ?, last_error = ?, next_attempt_at = ? where id = ?")
					.params(attempts, giveUp ? "FAILED" : "PENDING", error.substring(0, Math.min(error.length(), 1000)),
							Timestamp.from(now.plus(this.properties.retryDelay(attempts))), row.id())
					.update();
			}
			log.warn("Delivery {} failed: {}", rows.get(0).id(), error);
			return false;
		}
	}

	private void send(Row row) throws Exception {
		if (row.channel().equals("EMAIL")) {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.properties.mailFrom());
			message.setTo(row.target());
			message.setSubject("【落实】" + row.subject());
			message.setText((row.body() != null) ? row.body() : row.subject());
			mailSender().send(message);
			return;
		}
		RobotKind kind = RobotKind.valueOf(row.robotKind());
		String text = (row.body() != null) ? row.body() : "";
		// the robots check the signature's time against theirs: the real time, whatever
		// the
		// application's clock says (a fixed clock in demos)
		long millis = System.currentTimeMillis();
		String url = row.target();
		Map<String, Object> payload = new LinkedHashMap<>();
		switch (kind) {
			case DINGTALK -> {
				payload.put("msgtype", "markdown");
				payload.put("markdown", Map.of("title", row.subject(), "text", "### " + row.subject() + "\n\n" + text));
				if (row.secret() != null) {
					String sign = hmac(row.secret(), millis + "\n" + row.secret());
					url = url + (url.contains("?") ? "&" : "?") + "timestamp=" + millis + "&sign="
							+ URLEncoder.encode(sign, StandardCharsets.UTF_8);
				}
			}
			case WECOM -> {
				payload.put("msgtype", "markdown");
				payload.put("markdown", Map.of("content", cutBytes("**" + row.subject() + "**\n" + text, WECOM_BYTES)));
			}
			case FEISHU -> {
				if (row.secret() != null) {
					long seconds = millis / 1000;
					payload.put("timestamp", String.valueOf(seconds));
					payload.put("sign", hmac(seconds + "\n" + row.secret(), ""));
				}
				payload.put("msg_type", "text");
				payload.put("content", Map.of("text", row.subject() + "\n" + text));
			}
		}
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload), StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " from the " + kind + " robot");
		}
		refused(response.body()).ifPresent((message) -> {
			throw new IllegalStateException("The " + kind + " robot refused: " + message);
		});
	}

	private void sendDigest(List<Row> rows) {
		StringBuilder text = new StringBuilder();
		rows.forEach((row) -> text.append("· ").append(row.subject()).append('\n'));
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.mailFrom());
		message.setTo(rows.get(0).target());
		message.setSubject("【落实】今日待办摘要（" + rows.size() + " 条）");
		message.setText(text.toString());
		mailSender().send(message);
	}

	private JavaMailSender mailSender() {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("No mail server is configured (spring.mail.host)");
		}
		return sender;
	}

	/**
	 * A robot's refusal given with HTTP 200: DingTalk and WeCom say errcode, Feishu code.
	 */
	private static java.util.Optional<String> refused(String body) {
		try {
			JsonNode json = JSON.readTree(body);
			int code = json.has("errcode") ? json.path("errcode").asInt()
					: json.has("code") ? json.path("code").asInt() : json.path("StatusCode").asInt(0);
			return (code == 0) ? java.util.Optional.empty()
					: java.util.Optional.of(json.path(json.has("errmsg") ? "errmsg" : "msg").asString(body));
		}
		catch (RuntimeException ex) {
			// a 200 that is no robot's answer (a proxy's page) is not a delivery
			return java.util.Optional
				.of("an answer that is not JSON: " + body.substring(0, Math.min(body.length(), 200)));
		}
	}

	/** A text cut to at most {@code bytes} bytes of UTF-8, never in a character. */
	static String cutBytes(String text, int bytes) {
		if (text.getBytes(StandardCharsets.UTF_8).length <= bytes) {
			return text;
		}
		StringBuilder cut = new StringBuilder();
		int used = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (used + size > bytes - 3) {
				break;
			}
			cut.appendCodePoint(codePoint);
			used += size;
			i += Character.charCount(codePoint);
		}
		return cut.append('…').toString();
	}

	/** Base64 of HmacSHA256 of {@code data} under {@code key}, as the robots sign. */
	static String hmac(String key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** When the quiet hours around {@code now} end, or {@code null} outside them. */
	Instant quietEnd(Instant now) {
		ZoneId zone = this.clock.getZone();
		ZonedDateTime local = now.atZone(zone);
		LocalTime time = local.toLocalTime();
		LocalTime from = this.properties.quietFrom();
		LocalTime until = this.properties.quietUntil();
		boolean quiet = from.isAfter(until) ? (!time.isBefore(from) || time.isBefore(until))
				: (!time.isBefore(from) && time.isBefore(until));
		if (!quiet) {
			return null;
		}
		ZonedDateTime end = local.with(until);
		return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
	}

	/** The next digest hour after {@code now}. */
	static Instant nextDigest(Instant now, ZoneId zone, LocalTime at) {
		ZonedDateTime local = now.atZone(zone);
		ZonedDateTime next = local.with(at);
		return (next.isAfter(local) ? next : next.plusDays(1)).toInstant();
	}

	private interface ThrowingRunnable {

		void run() throws Exception;

	}

	private record Row(long id, String channel, String target, String subject, String body, int attempts,
			String robotKind, String secret) {
	}

}
