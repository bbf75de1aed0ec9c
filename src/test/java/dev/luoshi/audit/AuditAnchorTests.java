package dev.luoshi.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.luoshi.shared.Digests;
import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external anchor: the head of the chain leaves the database periodically, as a line
 * in a file and a post to an endpoint, and a chain rewritten so skilfully that it
 * verifies again still disagrees with what was anchored.
 */
@DatabaseTest
class AuditAnchorTests {

	private static final Path DIRECTORY = Path.of("target/test-anchors/" + System.nanoTime());

	private static final List<String> POSTED = new CopyOnWriteArrayList<>();

	private static HttpServer receiver;

	@LocalServerPort
	int port;

	@Autowired
	AnchorPublisher publisher;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/anchors", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				POSTED.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop(0);
	}

	@DynamicPropertySource
	static void anchor(DynamicPropertyRegistry registry) {
		registry.add("luoshi.audit.anchor.dir", DIRECTORY::toString);
		registry.add("luoshi.audit.anchor.url",
				() -> "http://127.0.0.1:" + receiver.getAddress().getPort() + "/anchors");
	}

	@Test
	void theHeadIsAppendedToTheFileAndPostedEachPeriod() throws IOException {
		Api admin = new Api(this.port).asAdmin();
		new Fixtures(admin).unit("区数据资源局", "DEPARTMENT", null);

		this.publisher.scheduled();
		JsonNode head = admin.get("/api/v1/audit/anchor").json();
		new Fixtures(admin).unit("区政务服务中心", "DEPARTMENT", null);
		this.publisher.scheduled();

		List<String> lines = Files.readAllLines(DIRECTORY.resolve("audit-anchors.jsonl"));
		assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
		JsonNode first = JsonMapper.builder().build().readTree(lines.get(lines.size() - 2));
		JsonNode second = JsonMapper.builder().build().readTree(lines.get(lines.size() - 1));
		assertThat(first.path("seq").asLong()).isEqualTo(head.path("seq").asLong());
		assertThat(first.path("digest").asString()).isEqualTo(head.path("digest").asString());
		assertThat(first.path("algorithm").asString()).isEqualTo("SM3");
		assertThat(second.path("seq").asLong()).isGreaterThan(first.path("seq").asLong());
		assertThat(POSTED).contains(lines.get(lines.size() - 2), lines.get(lines.size() - 1));
		assertThat(admin.get("/api/v1/audit/anchor?seq=" + first.path("seq").asLong()).json().path("digest").asString())
			.isEqualTo(first.path("digest").asString());
	}

	@Test
	void aRewrittenChainThatVerifiesStillDisagreesWithItsAnchor() {
		Api admin = new Api(this.port).asAdmin();
		long unit = new Fixtures(admin).unit("区机关事务局", "DEPARTMENT", null);
		new Fixtures(admin).unit("区信访局", "DEPARTMENT", null);
		AuditAnchor anchored = this.publisher.publish();
		long seq = admin.get("/api/v1/audit?entityType=unit&entityId=" + unit)
			.json()
			.path("items")
			.get(0)
			.path("seq")
			.asLong();
		List<Row> saved = rows(seq);

		try {
			rewriteFrom(seq, "区机关事务局", "区机关事务服务中心");

			assertThat(admin.get("/api/v1/audit/verify").json().path("valid").asBoolean())
				.as("every digest recomputed: the chain alone cannot tell")
				.isTrue();
			assertThat(admin.get("/api/v1/audit/anchor?seq=" + anchored.seq()).json().path("digest").asString())
				.as("the anchor can")
				.isNotEqualTo(anchored.digest());
		}
		finally {
			restore(saved);
		}
		assertThat(admin.get("/api/v1/audit/anchor?seq=" + anchored.seq()).json().path("digest").asString())
			.isEqualTo(anchored.digest());
	}

	/** What someone with write access to the database could do: alter and re-chain. */
	private void rewriteFrom(long seq, String from, String to) {
		String previous = (seq == 1) ? Digests.ZERO
				: this.jdbc.sql("select digest from audit_event where seq = ?")
					.param(seq - 1)
					.query(String.class)
					.single();
		for (Row row : rows(seq)) {
			AuditChain.Link link = new AuditChain.Link(row.seq(), row.link().at(), row.link().actor(),
					row.link().entityType(), row.link().entityId(), row.link().action(), row.link().before(),
					(row.link().after() != null) ? row.link().after().replace(from, to) : null, row.link().algorithm(),
					null);
			String digest = link.expectedDigest(previous);
			this.jdbc.sql("update audit_event set after_state = ?, digest = ? where seq = ?")
				.params(link.after(), digest, link.seq())
				.update();
			previous = digest;
		}
		this.jdbc.sql("update audit_head set last_digest = ? where id = 1").param(previous).update();
	}

	private void restore(List<Row> rows) {
		for (Row row : rows) {
			this.jdbc.sql("update audit_event set after_state = ?, digest = ? where seq = ?")
				.params(row.link().after(), row.link().digest(), row.seq())
				.update();
		}
		this.jdbc.sql("update audit_head set last_digest = ? where id = 1")
			.param(rows.get(rows.size() - 1).link().digest())
			.update();
	}

	private List<Row> rows(long fromSeq) {
		return this.jdbc
			.sql("select seq, at, actor, entity_type, entity_id, action, before_state, after_state, algorithm, digest "
					+ "from audit_event where seq >= ? order by seq")
			.param(fromSeq)
			.query((rs, n) -> new Row(rs.getLong("seq"),
					new AuditChain.Link(rs.getLong("seq"),
							rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
							rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
							rs.getString("before_state"), rs.getString("after_state"), rs.getString("algorithm"),
							rs.getString("digest"))))
			.list();
	}

	private record Row(long seq, AuditChain.Link link) {
	}

}
