package dev.luoshi.bulletin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulletins as a reader opens them in Word: the GB/T 9704 page, fonts and number of the
 * month's supervision bulletin, the ranking bulletin of a published ranking with its
 * movements and 容错免责, refusals naming the field, and a report book delivering to an
 * inbox.
 */
@DatabaseTest
class BulletinApiTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	ReportBooks books;

	Fixtures fixtures;

	long district;

	long unit;

	String supervisorName;

	String otherSupervisorName;

	String viewerName;

	String operatorName;

	String otherOperatorName;

	String group;

	@BeforeEach
	void setUp() {
		at(2026, 3, 13);
		Api admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(admin);
		this.group = Fixtures.unique("STREETS");
		this.district = this.fixtures.unit("临江区", "REGION", null);
		this.unit = this.fixtures.unit("区住建局", "DEPARTMENT", this.district);
		this.supervisorName = this.fixtures.user(this.district, "SUPERVISOR");
		this.otherSupervisorName = this.fixtures.user(this.district, "SUPERVISOR");
		this.viewerName = this.fixtures.user(this.district, "VIEWER");
		this.operatorName = this.fixtures.user(this.unit, "UNIT_OPERATOR");
		this.otherOperatorName = this.fixtures.user(this.unit, "UNIT_OPERATOR");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theMonthsSupervisionBulletinIsAnOfficialDocumentListingItsNotices() throws IOException {
		Api office = as(this.supervisorName);
		String first = issue(office, "SUPERVISE", "背街小巷整治进度滞后");
		String second = issue(office, "URGE", "老旧小区改造资料未报送");
		at(2026, 4, 3);

		Api.Response response = as(this.supervisorName).get("/api/v1/bulletins/supervision?month=2026-03");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.contentType()).startsWith(DOCX);
		assertThat(response.header("Content-Disposition")).contains("attachment")
			.contains("filename*=UTF-8''")
			.contains("%E7%9D%A3%E6%9F%A5%E9%80%9A%E6%8A%A5.docx"); // 督查通报.docx
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.bytes()))) {
			CTSectPr section = document.getDocument().getBody().getSectPr();
			CTPageSz size = section.getPgSz();
			assertThat(twips(size.getW())).isEqualTo(11906);
			assertThat(twips(size.getH())).isEqualTo(16838);
			CTPageMar margins = section.getPgMar();
			assertThat(twips(margins.getTop())).isCloseTo(2098, org.assertj.core.data.Offset.offset(57));
			assertThat(twips(margins.getBottom())).isCloseTo(1984, org.assertj.core.data.Offset.offset(57));
			assertThat(twips(margins.getLeft())).isCloseTo(1588, org.assertj.core.data.Offset.offset(57));
			assertThat(twips(margins.getRight())).isCloseTo(1474, org.assertj.core.data.Offset.offset(57));

			XWPFRun title = run(document, "关于2026年3月份督查督办情况的通报");
			assertThat(title.getFontFamily()).contains("小标宋");
			assertThat(title.getFontSizeAsDouble()).isEqualTo(22.0);
			XWPFRun body = run(document, "现将2026年3月份督查督办工作情况通报如下。");
			assertThat(body.getFontFamily()).isEqualTo("仿宋_GB2312");
			assertThat(body.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
			assertThat(body.getFontSizeAsDouble()).isEqualTo(16.0);
			XWPFRun heading = run(document, "一、督办单下发情况");
			assertThat(heading.getFontFamily()).isEqualTo("黑体");

			String text = text(document);
			// the office is named after the first region of the tree (临江区 in the demo)
			assertThat(text).contains("人民政府督查室").containsPattern("督通〔2026〕\\d+号");
			assertThat(text).contains(first, second, "背街小巷整治进度滞后", "区住建局");
			assertThat(text).contains("2026年4月3日");
			assertThat(document.getEvenAndOddHeadings()).isTrue();
			List<XWPFFooter> footers = document.getFooterList();
			assertThat(footers).hasSize(2);
			assertThat(footers).allSatisfy((footer) -> {
				assertThat(footer.getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
				assertThat(footer.getText()).contains("—");
			});
		}
		String number = response.header("X-Document-Number");
		assertThat(
				as(this.supervisorName).get("/api/v1/bulletins/supervision?month=2026-03").header("X-Document-Number"))
			.as("the same month keeps its number")
			.isEqualTo(number);
	}

	@Test
	void badParametersAreProblemsNamingTheField() {
		Api office = as(this.supervisorName);
		assertProblem(office.get("/api/v1/bulletins/supervision?month=2026-13"), 400, "month");
		assertProblem(office.get("/api/v1/bulletins/supervision"), 400, "month");
		assertProblem(office.get("/api/v1/bulletins/supervision?month=2027-01"), 400, "month");
		assertProblem(office.get("/api/v1/bulletins/ranking?period=2026Q1"), 400, "schemeId");
		assertThat(office.get("/api/v1/bulletins/ranking?schemeId=987654321&period=2026Q1").status()).isEqualTo(404);
		assertThat(as(this.viewerName).get("/api/v1/bulletins/supervision?month=2026-02").status()).isEqualTo(403);
		assertThat(as(this.operatorName).get("/api/v1/bulletins/supervision?month=2026-02").status()).isEqualTo(403);
	}

	@Test
	void theRankingBulletinShowsEachUnitsPlaceMovementAndExemptions() throws IOException {
		at(2026, 7, 10);
		Api admin = new Api(this.port).asAdmin();
		long a = street(admin, "江滨街道");
		long b = street(admin, "老城街道");
		long c = street(admin, "新区街道");
		Api office = as(this.supervisorName);
		long scheme = created(office.post("/api/v1/schemes",
				Map.of("code", Fixtures.unique("KP"), "name", "2026年度街道综合考评", "year", 2026, "peerGroups",
						List.of(this.group), "indicators",
						List.of(Map.of("code", "ASR", "name", "评议打分", "kind", "ASSESSOR_SCORE", "weight", 1)),
						"bonusCap", 5, "penaltyCap", 10, "publicBoard", true)));
		score(office, scheme, "2026Q1", Map.of(a, 80, b, 70, c, 90));
		long q1 = compute(office, scheme, "2026Q1");
		publish(office, q1);
		score(office, scheme, "2026Q2", Map.of(a, 95, b, 65, c, 85));
		long penalty = created(office.post("/api/v1/adjustments", Map.of("schemeId", scheme, "unitId", b, "period",
				"2026Q2", "kind", "PENALTY", "points", "5", "reason", "农贸市场安全检查发现问题")));
		long q2 = compute(office, scheme, "2026Q2");
		long asked = created(office.post("/api/v1/exemptions", Map.of("adjustmentId", penalty, "reason", "系历史遗留问题")));
		assertThat(as(this.otherSupervisorName)
			.post("/api/v1/exemptions/" + asked + "/decide", Map.of("approved", true, "comment", "符合容错情形"))
			.status()).isEqualTo(200);
		assertProblem(office.get("/api/v1/bulletins/ranking?schemeId=" + scheme + "&period=2026Q2"), 409, null);
		publish(office, q2);

		Api.Response response = as(this.viewerName)
			.get("/api/v1/bulletins/ranking?schemeId=" + scheme + "&period=2026Q2");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.contentType()).startsWith(DOCX);
		assertThat(response.header("Content-Disposition")).contains("filename*=UTF-8''");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.bytes()))) {
			String text = text(document);
			assertThat(text).contains("2026年第二季度", "江滨街道", "老城街道", "新区街道");
			// A 95 (from second: 进1位), C 85 (from first: 退1位), B 65 exempted (third: 持平)
			assertThat(row(document, "江滨街道")).containsExactly("1", "江滨街道", "95.00", "进1位");
			assertThat(row(document, "新区街道")).containsExactly("2", "新区街道", "85.00", "退1位");
			assertThat(row(document, "老城街道")).containsExactly("3", "老城街道", "65.00", "持平");
			assertThat(text).contains("容错免责", "农贸市场安全检查发现问题");
			XWPFRun title = run(document, "关于2026年度街道综合考评2026年第二季度排名情况的通报");
			assertThat(title.getFontSizeAsDouble()).isEqualTo(22.0);
		}
	}

	@Test
	void aReportBookDeliversTheBulletinToTheChosenInboxes() {
		Api office = as(this.supervisorName);
		issue(office, "REMINDER", "月度报表迟报");
		Api operator = as(this.operatorName);
		long recipient = operator.get("/api/v1/users/me").json().path("id").asLong();
		assertProblem(
				office.post("/api/v1/bulletin-schedules",
						Map.of("kind", "SUPERVISION", "workingDay", 30, "recipientIds", List.of(recipient))),
				400, "workingDay");
		assertProblem(
				office.post("/api/v1/bulletin-schedules",
						Map.of("kind", "RANKING", "workingDay", 3, "recipientIds", List.of(recipient))),
				400, "schemeId");
		assertThat(operator
			.post("/api/v1/bulletin-schedules",
					Map.of("kind", "SUPERVISION", "workingDay", 3, "recipientIds", List.of(recipient)))
			.status()).isEqualTo(403);
		long schedule = created(office.post("/api/v1/bulletin-schedules",
				Map.of("kind", "SUPERVISION", "workingDay", 3, "recipientIds", List.of(recipient))));

		// April 2026 starts on a Wednesday: its third working day is Friday the 3rd
		at(2026, 4, 2);
		this.books.scheduled();
		assertThat(lastRun(schedule)).as("not yet its day").isNull();
		at(2026, 4, 3);
		this.books.scheduled();
		assertThat(lastRun(schedule)).isEqualTo("2026-04-03");
		// tokens live hours, not weeks: sign in again on the new day
		office = as(this.supervisorName);
		operator = as(this.operatorName);

		JsonNode message = operator.get("/api/v1/inbox").json().path("items").get(0);
		assertThat(message.path("subject").asString()).contains("2026年3月份督查通报").containsPattern("〔2026〕\\d+号");
		String link = message.path("link").asString();
		assertThat(link).matches("/bulletins/\\d+/document");
		Api.Response document = operator.get("/api" + link.replace("/bulletins/", "/v1/bulletins/"));
		assertThat(document.status()).as(document.toString()).isEqualTo(200);
		assertThat(document.contentType()).startsWith(DOCX);
		assertThat(as(this.otherOperatorName).get("/api" + link.replace("/bulletins/", "/v1/bulletins/")).status())
			.isEqualTo(403);

		Api.Response run = office.post("/api/v1/bulletin-schedules/" + schedule + "/run", Map.of());
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		assertThat(run.json().path("number").asString())
			.isEqualTo(message.path("subject").asString().replaceAll(".*（(.*)）", "$1"));
		long delivered = 0;
		for (JsonNode item : operator.get("/api/v1/inbox").json().path("items")) {
			delivered += item.path("link").asString().equals(link) ? 1 : 0;
		}
		assertThat(delivered).as("run now delivers again").isEqualTo(2);
	}

	private String lastRun(long schedule) {
		for (JsonNode node : as(this.supervisorName).get("/api/v1/bulletin-schedules").json()) {
			if (node.path("id").asLong() == schedule) {
				JsonNode lastRunOn = node.path("lastRunOn");
				return (lastRunOn.isNull() || lastRunOn.isMissingNode()) ? null : lastRunOn.asString();
			}
		}
		throw new AssertionError("no schedule " + schedule);
	}

	private String issue(Api office, String level, String subject) {
		Api.Response issued = office.post("/api/v1/notices",
				Map.of("unitId", this.unit, "level", level, "subject", subject, "responseDueWorkingHours", 8));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		return issued.json().path("number").asString();
	}

	private long street(Api admin, String name) {
		return created(admin.post("/api/v1/units", Map.of("code", Fixtures.unique("JD"), "name", name, "kind", "STREET",
				"parentId", this.district, "peerGroup", this.group)));
	}

	private static void score(Api office, long scheme, String period, Map<Long, Integer> scores) {
		scores.forEach((unit, score) -> {
			Api.Response entered = office.post("/api/v1/schemes/" + scheme + "/scores",
					Map.of("period", period, "unitId", unit, "indicator", "ASR", "score", score));
			assertThat(entered.status()).as(entered.toString()).isEqualTo(200);
		});
	}

	private static long compute(Api office, long scheme, String period) {
		Api.Response computed = office.post("/api/v1/schemes/" + scheme + "/rankings", Map.of("period", period));
		assertThat(computed.status()).as(computed.toString()).isEqualTo(200);
		return computed.json().path("id").asLong();
	}

	private static void publish(Api office, long ranking) {
		Api.Response published = office.post("/api/v1/rankings/" + ranking + "/publish", Map.of());
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
	}

	private static long created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	private static void assertProblem(Api.Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
		}
	}

	private Api as(String username) {
		return new Api(this.port).as(username, Api.PASSWORD);
	}

	private void at(int year, int month, int day) {
		this.clock.set(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, SHANGHAI));
	}

	private static int twips(Object value) {
		return new BigInteger(String.valueOf(value)).intValue();
	}

	private static XWPFRun run(XWPFDocument document, String text) {
		for (XWPFParagraph paragraph : document.getParagraphs()) {
			if (paragraph.getText().equals(text)) {
				return paragraph.getRuns().get(0);
			}
		}
		throw new AssertionError("No paragraph " + text);
	}

	private static List<String> row(XWPFDocument document, String unitName) {
		for (XWPFTable table : document.getTables()) {
			for (var row : table.getRows()) {
				List<String> cells = row.getTableCells().stream().map((cell) -> cell.getText()).toList();
				if (cells.contains(unitName)) {
					return cells;
				}
			}
		}
		throw new AssertionError("No row of " + unitName);
	}

	private static String text(XWPFDocument document) {
		StringBuilder text = new StringBuilder();
		document.getParagraphs().forEach((paragraph) -> text.append(paragraph.getText()).append('\n'));
		document.getTables().forEach((table) -> text.append(table.getText()).append('\n'));
		return text.toString();
	}

}
