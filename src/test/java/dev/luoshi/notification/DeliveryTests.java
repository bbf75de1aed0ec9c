package dev.luoshi.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries to real local receivers: an embedded SMTP server and an HTTP server standing
 * in for the DingTalk, WeCom and Feishu group robots.
 */
@DatabaseTest
@TestPropertySource(properties = { "spring.mail.host=localhost", "spring.mail.port=3025",
		"luoshi.notification.poll=PT1H", "luoshi.notification.robot-hosts=127.0.0.1" })
class DeliveryTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	HttpServer robots;

	final List<String[]> received = new CopyOnWriteArrayList<>();

	final AtomicBoolean down = new AtomicBoolean();

	Api supervisor;

	Api operator;

	String supervisorName;

	String operatorName;

	long unit;

	@BeforeEach
	void setUp() throws IOException {
		this.robots = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.robots.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean refuse = this.down.get();
			if (!refuse) {
				this.received.add(new String[] { exchange.getRequestURI().getPath(),
						String.valueOf(exchange.getRequestURI().getRawQuery()), body });
			}
			byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(refuse ? 503 : 200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.robots.start();
		this.clock.set(ZonedDateTime.of(2026, 3, 16, 22, 30, 0, 0, SHANGHAI));
		Api admin = new Api(this.port).asAdmin();
		Fixtures fixtures = new Fixtures(admin);
		long district = fixtures.unit("临江区", "REGION", null);
		this.unit = fixtures.unit("区城管局", "DEPARTMENT", district);
		this.supervisorName = fixtures.user(district, "SUPERVISOR");
		this.operatorName = fixtures.user(this.unit, "UNIT_OPERATOR");
		this.supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		this.operator = new Api(this.port).as(this.operatorName, Api.PASSWORD);
		String base = "http://127.0.0.1:" + this.robots.getAddress().getPort();
		robot("DINGTALK", base + "/robot/send?access_token=abc", "SECdingtalk");
		robot("WECOM", base + "/cgi-bin/webhook/send?key=xyz", null);
		robot("FEISHU", base + "/open-apis/bot/v2/hook/123", "feishu-secret");
		this.operator.put("/api/v1/inbox/preferences", Map.of("email", "liaison@chengguan.example", "digest", false));
	}

	@AfterEach
	void tearDown() {
		this.robots.stop(0);
		this.clock.reset();
	}

	@Test
	void quietHoursHoldTheMessagesUntilSevenAndThenEveryReceiverGetsThem() throws Exception {
		JsonNode notice = this.supervisor
			.post("/api/v1/notices", Map.of("unitId", this.unit, "level", "SUPERVISE", "subject", "夜间施工扰民投诉"))
			.json();

		JsonNode night = run();
		assertThat(night.path("held").asInt()).isEqualTo(4);
		assertThat(mail.getReceivedMessages()).isEmpty();
		assertThat(this.received).isEmpty();

		this.clock.set(ZonedDateTime.of(2026, 3, 17, 6, 59, 0, 0, SHANGHAI));
		assertThat(run().path("sent").asInt()).isZero();
		this.clock.set(ZonedDateTime.of(2026, 3, 17, 7, 0, 30, 0, SHANGHAI));
		assertThat(run().path("sent").asInt()).isEqualTo(4);

		MimeMessage[] messages = mail.getReceivedMessages();
		assertThat(messages).hasSize(1);
		assertThat(messages[0].getSubject()).contains(notice.path("number").asString());
		assertThat(messages[0].getAllRecipients()[0].toString()).isEqualTo("liaison@chengguan.example");

		String[] dingtalk = request("/robot/send");
		Map<String, String> query = query(dingtalk[1]);
		assertThat(query).containsKeys("access_token", "timestamp", "sign");
		assertThat(query.get("sign"))
			.isEqualTo(Deliveries.hmac("SECdingtalk", query.get("timestamp") + "\nSECdingtalk"));
		assertThat(JSON.readTree(dingtalk[2]).path("msgtype").asString()).isEqualTo("markdown");
		assertThat(JSON.readTree(dingtalk[2]).path("markdown").path("title").asString()).contains("夜间施工扰民投诉");

		JsonNode wecom = JSON.readTree(request("/cgi-bin/webhook/send")[2]);
		assertThat(wecom.path("markdown").path("content").asString()).contains("夜间施工扰民投诉");

		JsonNode feishu = JSON.readTree(request("/open-apis/bot/v2/hook/123")[2]);
		assertThat(feishu.path("msg_type").asString()).isEqualTo("text");
		assertThat(feishu.path("sign").asString())
			.isEqualTo(Deliveries.hmac(feishu.path("timestamp").asString() + "\nfeishu-secret", ""));
		assertThat(run().path("sent").asInt()).as("nothing is sent twice").isZero();
	}

	@Test
	void aRobotThatIsDownGetsItsMessageWhenItIsBack() {
		this.clock.set(ZonedDateTime.of(2026, 3, 17, 10, 0, 0, 0, SHANGHAI));
		this.supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		this.supervisor.post("/api/v1/notices", Map.of("unitId", this.unit, "level", "REMINDER", "subject", "共享单车乱停放"));
		this.down.set(true);

		JsonNode failed = run();
		assertThat(failed.path("failed").asInt()).isEqualTo(3);
		assertThat(mail.getReceivedMessages()).hasSize(1);

		this.down.set(false);
		assertThat(run().path("sent").asInt()).as("not yet time to try again").isZero();
		this.clock.set(ZonedDateTime.of(2026, 3, 17, 10, 6, 0, 0, SHANGHAI));
		this.supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		assertThat(run().path("sent").asInt()).isEqualTo(3);
		assertThat(this.received).hasSize(3);
	}

	@Test
	void whoChoseTheDigestGetsOneMailAtEightWithEverythingOfTheDay() throws Exception {
		this.clock.set(ZonedDateTime.of(2026, 3, 17, 10, 0, 0, 0, SHANGHAI));
		this.operator = new Api(this.port).as(this.operatorName, Api.PASSWORD);
		this.operator.put("/api/v1/inbox/preferences", Map.of("email", "liaison@chengguan.example", "digest", true));
		this.supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		this.supervisor.post("/api/v1/notices", Map.of("unitId", this.unit, "level", "REMINDER", "subject", "共享单车乱停放"));
		this.supervisor.post("/api/v1/notices", Map.of("unitId", this.unit, "level", "URGE", "subject", "渣土车沿途撒漏"));

		assertThat(run().path("sent").asInt()).as("the robots at once").isEqualTo(6);
		assertThat(mail.getReceivedMessages()).as("no single mails").isEmpty();
		this.clock.set(ZonedDateTime.of(2026, 3, 18, 7, 59, 0, 0, SHANGHAI));
		assertThat(run().path("sent").asInt()).isZero();

		this.clock.set(ZonedDateTime.of(2026, 3, 18, 8, 0, 30, 0, SHANGHAI));
		assertThat(run().path("sent").asInt()).isEqualTo(2);
		MimeMessage[] messages = mail.getReceivedMessages();
		assertThat(messages).hasSize(1);
		assertThat(messages[0].getSubject()).contains("摘要").contains("2");
		assertThat((String) messages[0].getContent()).contains("共享单车乱停放").contains("渣土车沿途撒漏");
		assertThat(run().path("sent").asInt()).as("nothing is sent twice").isZero();
	}

	@Test
	void twoRunsAtOnceSendEachMessageOnce() throws Exception {
		this.clock.set(ZonedDateTime.of(2026, 3, 18, 10, 0, 0, 0, SHANGHAI));
		this.supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		this.supervisor.post("/api/v1/notices", Map.of("unitId", this.unit, "level", "URGE", "subject", "占道经营反弹"));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(this::run);
			var second = pool.submit(this::run);
			assertThat(first.get().path("sent").asInt() + second.get().path("sent").asInt()).isEqualTo(4);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.received).hasSize(3);
		assertThat(mail.getReceivedMessages()).hasSize(1);
	}

	@Test
	void robotsAreReachedOnlyAtAllowedHostsAndTheirTokensAreNotShown() {
		Map<String, Object> elsewhere = Map.of("unitId", this.unit, "kind", "DINGTALK", "name", "内网", "url",
				"http://10.0.0.8/robot/send?access_token=x");
		Api.Response refused = this.supervisor.post("/api/v1/robots", elsewhere);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
		Map<String, Object> signedWeCom = Map.of("unitId", this.unit, "kind", "WECOM", "name", "企微群", "url",
				"http://127.0.0.1:9/cgi-bin/webhook/send?key=abc", "secret", "nope");
		assertThat(this.supervisor.post("/api/v1/robots", signedWeCom).status()).isEqualTo(400);
		assertThat(
				this.supervisor.get("/api/v1/robots").json().valueStream().map((robot) -> robot.path("url").asString()))
			.allSatisfy((url) -> assertThat(url).doesNotContain("abc").doesNotContain("xyz").doesNotContain("/123"));
	}

	@Test
	void aWeComMessageIsCutToTheRobotsLimitInBytes() {
		String long_ = "督".repeat(3000);
		String cut = Deliveries.cutBytes(long_, 4096);
		assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
		assertThat(cut).startsWith("督督督").endsWith("…");
		assertThat(Deliveries.cutBytes("短消息", 4096)).isEqualTo("短消息");
	}

	private JsonNode run() {
		Api supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		Api.Response run = supervisor.post("/api/v1/notifications/deliveries/run", Map.of());
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		return run.json();
	}

	private void robot(String kind, String url, String secret) {
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("unitId", this.unit, "kind", kind, "name", kind + " 群", "url", url));
		if (secret != null) {
			body.put("secret", secret);
		}
		Api.Response created = this.supervisor.post("/api/v1/robots", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	private String[] request(String path) {
		return this.received.stream().filter((r) -> r[0].equals(path)).findFirst().orElseThrow();
	}

	private static Map<String, String> query(String query) {
		Map<String, String> found = new java.util.HashMap<>();
		for (String pair : query.split("&")) {
			String[] parts = pair.split("=", 2);
			found.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		return found;
	}

}
