package dev.luoshi.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor exports the trail of chosen days as CSV or JSON lines, with every field as
 * digested, so that an export verifies without the database; the export is audited, and
 * nothing in the API removes or changes an event.
 */
@DatabaseTest
class AuditExportTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	Api admin;

	Api auditor;

	Fixtures fixtures;

	@BeforeEach
	void signIn() {
		this.admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(this.admin);
		long unit = this.fixtures.unit("区审计局", "DEPARTMENT", null);
		this.auditor = new Api(this.port).as(this.fixtures.user(unit, "AUDITOR"), Api.PASSWORD);
	}

	@Test
	void aJsonLinesExportVerifiesLineByLineWithoutTheDatabase() {
		long unit = this.fixtures.unit("区“财政”局, 国资", "DEPARTMENT", null);
		this.admin.patch("/api/v1/units/" + unit, Map.of("name", "区财政局\n（国资委）", "version", 0));

		Api.Response export = this.auditor.get("/api/v1/audit/export?format=jsonl");

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).startsWith("application/x-ndjson");
		assertThat(export.header("Content-Disposition")).contains("attachment").contains(".jsonl");
		List<JsonNode> lines = export.text()
			.lines()
			.map((line) -> JsonMapper.builder().build().readTree(line))
			.toList();
		assertThat(lines).hasSizeGreaterThan(3);
		String previous = lines.get(0).path("previousDigest").asString();
		long seq = lines.get(0).path("seq").asLong() - 1;
		for (JsonNode line : lines) {
			assertThat(line.path("seq").asLong()).isEqualTo(seq + 1);
			assertThat(line.path("previousDigest").asString()).isEqualTo(previous);
			AuditChain.Link link = new AuditChain.Link(line.path("seq").asLong(),
					OffsetDateTime.parse(line.path("at").asString()).toInstant(), line.path("actor").asString(),
					line.path("entityType").asString(), line.path("entityId").asString(),
					line.path("action").asString(), text(line.path("before")), text(line.path("after")),
					line.path("algorithm").asString(), null);
			assertThat(link.expectedDigest(previous)).as("event %d", link.seq())
				.isEqualTo(line.path("digest").asString());
			previous = line.path("digest").asString();
			seq = link.seq();
		}
		assertThat(lines).anySatisfy((line) -> assertThat(line.path("after").asString()).contains("（国资委）"));
	}

	@Test
	void aCsvExportHasAHeaderQuotedCellsAndOnlyTheDaysAskedFor() {
		this.fixtures.unit("区商务局, 招商", "DEPARTMENT", null);
		LocalDate today = LocalDate.now(SHANGHAI);

		Api.Response export = this.auditor.get("/api/v1/audit/export?from=" + today + "&to=" + today);
		Api.Response before = this.auditor.get("/api/v1/audit/export?from=2020-01-01&to=2020-12-31&format=csv");

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).startsWith("text/csv");
		String csv = new String(export.bytes(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith(
				"\uFEFFseq,at,actor,entityType,entityId,action,algorithm,digest,previousDigest,before,after\r\n");
		assertThat(csv).contains(",\"{\"\"").contains("区商务局, 招商");
		assertThat(csv.lines().skip(1).map((line) -> line.split(",")[1]))
			.allSatisfy((at) -> assertThat(OffsetDateTime.parse(at).atZoneSameInstant(SHANGHAI).toLocalDate())
				.isEqualTo(today));
		assertThat(before.text().lines().count()).as("only the header").isEqualTo(1);
	}

	@Test
	void exportingIsItselfAudited() {
		this.auditor.get("/api/v1/audit/export?from=2026-01-01&format=jsonl");

		JsonNode latest = this.auditor.get("/api/v1/audit?entityType=audit&entityId=export")
			.json()
			.path("items")
			.get(0);
		assertThat(latest.path("action").asString()).isEqualTo("EXPORTED");
		assertThat(latest.path("actor").asString()).startsWith("user-");
		assertThat(latest.path("after").path("from").asString()).isEqualTo("2026-01-01");
		assertThat(latest.path("after").path("format").asString()).isEqualTo("jsonl");
	}

	@Test
	void badExportRequestsAreRefusedNamingTheParameter() {
		Api.Response format = this.auditor.get("/api/v1/audit/export?format=xlsx");
		Api.Response range = this.auditor.get("/api/v1/audit/export?from=2026-03-01&to=2026-02-01");
		Api.Response date = this.auditor.get("/api/v1/audit/export?from=2026-02-30");
		Api.Response endOfTime = this.auditor.get("/api/v1/audit/export?to=%2B999999999-12-31");

		assertThat(format.status()).isEqualTo(400);
		assertThat(format.json().path("errors").get(0).path("field").asString()).isEqualTo("format");
		assertThat(range.status()).isEqualTo(400);
		assertThat(range.json().path("errors").get(0).path("field").asString()).isEqualTo("to");
		assertThat(date.status()).isEqualTo(400);
		assertThat(date.json().path("errors").get(0).path("field").asString()).isEqualTo("from");
		assertThat(endOfTime.status()).isEqualTo(400);
		assertThat(endOfTime.json().path("errors").get(0).path("field").asString()).isEqualTo("to");
	}

	@Test
	void noRequestRemovesOrChangesAnEvent() {
		long first = this.auditor.get("/api/v1/audit?size=1").json().path("items").get(0).path("seq").asLong();

		for (Api caller : List.of(this.admin, this.auditor)) {
			assertThat(caller.delete("/api/v1/audit").status()).isIn(403, 405);
			assertThat(caller.delete("/api/v1/audit/" + first).status()).isIn(403, 404, 405);
			assertThat(caller.put("/api/v1/audit/" + first, Map.of("action", "NOTHING")).status()).isIn(403, 404, 405);
			assertThat(caller.patch("/api/v1/audit/" + first, Map.of("action", "NOTHING")).status()).isIn(403, 404,
					405);
			assertThat(caller.post("/api/v1/audit", Map.of("action", "NOTHING")).status()).isIn(403, 405);
		}
		assertThat(this.auditor.get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
	}

	private static String text(JsonNode node) {
		return node.isNull() || node.isMissingNode() ? null : node.asString();
	}

}
