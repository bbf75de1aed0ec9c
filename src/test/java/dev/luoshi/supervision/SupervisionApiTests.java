package dev.luoshi.supervision;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.Set;
import java.util.List;
import java.util.HashSet;
import java.util.ArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices, the inbox and rectification over HTTP, with the clock on Friday 2026-03-13
 * 16:00.
 */
@DatabaseTest
class SupervisionApiTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	String supervisorName;

	Api supervisor;

	Api operator;

	Api otherOperator;

	String operatorName;

	String otherOperatorName;

	Fixtures fixtures;

	long district;

	long unit;

	long otherUnit;

	@BeforeEach
	void setUp() {
		this.clock.set(ZonedDateTime.of(2026, 3, 13, 16, 0, 0, 0, SHANGHAI));
		Api admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(admin);
		this.district = this.fixtures.unit("临江区", "REGION", null);
		this.unit = this.fixtures.unit("区住建局", "DEPARTMENT", this.district);
		this.otherUnit = this.fixtures.unit("区城管局", "DEPARTMENT", this.district);
		this.supervisorName = this.fixtures.user(this.district, "SUPERVISOR");
		this.supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		this.operatorName = this.fixtures.user(this.unit, "UNIT_OPERATOR");
		this.operator = new Api(this.port).as(this.operatorName, Api.PASSWORD);
		this.otherOperatorName = this.fixtures.user(this.otherUnit, "UNIT_OPERATOR");
		this.otherOperator = new Api(this.port).as(this.otherOperatorName, Api.PASSWORD);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aNoticeIsNumberedDueInWorkingHoursAndAnsweredByItsUnit() {
		Api.Response issued = issue(this.unit, "SUPERVISE", 8);

		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		JsonNode notice = issued.json();
		assertThat(notice.path("number").asString()).matches("督办〔2026〕\\d+号");
		assertThat(notice.path("status").asString()).isEqualTo("OPEN");
		assertThat(notice.path("card").asString()).isEqualTo("RED");
		// Friday 16:00–18:00 is two hours; Monday 09:00–12:00 and 14:00–17:00 are the
		// other six.
		assertThat(ZonedDateTime.parse(notice.path("dueAt").asString()).withZoneSameInstant(SHANGHAI))
			.isEqualTo(ZonedDateTime.of(2026, 3, 16, 17, 0, 0, 0, SHANGHAI));

		long id = issued.id();
		assertThat(this.operator.post("/api/v1/notices", body(this.unit, "REMINDER", 8)).status()).isEqualTo(403);
		assertThat(this.otherOperator.post("/api/v1/notices/" + id + "/acknowledge", Map.of()).status()).isEqualTo(403);
		assertThat(this.otherOperator.get("/api/v1/notices/" + id).status()).isEqualTo(403);
		Api.Response acknowledged = this.operator.post("/api/v1/notices/" + id + "/acknowledge", Map.of());
		assertThat(acknowledged.json().path("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.json().path("acknowledgedBy").isNumber()).isTrue();
		assertThat(this.supervisor.post("/api/v1/notices/" + id + "/close", Map.of()).status()).isEqualTo(409);
		Api.Response responded = this.operator.post("/api/v1/notices/" + id + "/respond",
				Map.of("text", "已制定整改方案，周三前完成。"));
		assertThat(responded.json().path("status").asString()).isEqualTo("RESPONDED");
		assertThat(this.operator.post("/api/v1/notices/" + id + "/respond", Map.of("text", "再答")).status())
			.isEqualTo(409);
		assertThat(this.supervisor.post("/api/v1/notices/" + id + "/close", Map.of()).json().path("status").asString())
			.isEqualTo("CLOSED");
		assertThat(this.otherOperator.get("/api/v1/notices?unitId=" + this.unit).json().path("total").asLong())
			.isZero();
	}

	@Test
	void parallelRequestsNeverGiveANumberTwiceNorOverwriteAnAnswer() throws Exception {
		this.clock.set(ZonedDateTime.of(2029, 1, 2, 10, 0, 0, 0, SHANGHAI));
		Api office = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		Api unitOperator = new Api(this.port).as(this.operatorName, Api.PASSWORD);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Api.Response>> firsts = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				firsts.add(pool.submit(() -> office.post("/api/v1/notices", body(this.unit, "URGE", 8))));
			}
			Set<String> numbers = new HashSet<>();
			for (Future<Api.Response> first : firsts) {
				Api.Response issued = first.get();
				assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
				numbers.add(issued.json().path("number").asString());
			}
			assertThat(numbers).as("the year's first URGE notices, issued at once")
				.containsExactlyInAnyOrder("催办〔2029〕1号", "催办〔2029〕2号", "催办〔2029〕3号", "催办〔2029〕4号", "催办〔2029〕5号",
						"催办〔2029〕6号");

			long id = office.post("/api/v1/notices", body(this.unit, "SUPERVISE", 8)).id();
			assertThat(unitOperator.post("/api/v1/notices/" + id + "/acknowledge", Map.of()).status()).isEqualTo(200);
			assertThat(unitOperator.post("/api/v1/notices/" + id + "/acknowledge", Map.of()).status())
				.as("the first responder is kept")
				.isEqualTo(409);
			List<Future<Api.Response>> answers = new ArrayList<>();
			for (String text : List.of("甲：已整改", "乙：已整改")) {
				answers.add(pool
					.submit(() -> unitOperator.post("/api/v1/notices/" + id + "/respond", Map.of("text", text))));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Api.Response> answer : answers) {
				statuses.add(answer.get().status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void theRegisterExportsWhatTheListShows() throws Exception {
		issue(this.unit, "BULLETIN", 8);
		issue(this.unit, "BULLETIN", 8);
		long listed = this.supervisor.get("/api/v1/notices?level=BULLETIN&unitId=" + this.unit)
			.json()
			.path("total")
			.asLong();

		Api.Response export = this.supervisor.get("/api/v1/notices/export?level=BULLETIN&unitId=" + this.unit);
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).contains("spreadsheetml");
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(export.bytes()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("文号");
			assertThat(sheet.getLastRowNum() - 1).isEqualTo((int) listed);
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).startsWith("通报〔2026〕");
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("区住建局");
		}
		assertThat(this.otherOperator.get("/api/v1/notices/export?unitId=" + this.unit).status()).isEqualTo(200);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
				this.otherOperator.get("/api/v1/notices/export?unitId=" + this.unit).bytes()))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).as("another unit's notices are not in its ledger")
				.isEqualTo(1);
		}
	}

	@Test
	void deadlinesSkipTheNationalDayHolidaysAndCountTheMakeUpSaturday() {
		this.clock.set(ZonedDateTime.of(2026, 9, 30, 16, 0, 0, 0, SHANGHAI));
		this.supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		Api.Response holidays = issue(this.unit, "REMINDER", 8);
		assertThat(holidays.status()).as(holidays.toString()).isEqualTo(201);
		JsonNode beforeHolidays = holidays.json();
		assertThat(ZonedDateTime.parse(beforeHolidays.path("dueAt").asString()).withZoneSameInstant(SHANGHAI))
			.isEqualTo(ZonedDateTime.of(2026, 10, 8, 17, 0, 0, 0, SHANGHAI));

		this.clock.set(ZonedDateTime.of(2026, 10, 9, 16, 0, 0, 0, SHANGHAI));
		this.supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		JsonNode beforeMakeUpDay = issue(this.unit, "REMINDER", 8).json();
		assertThat(ZonedDateTime.parse(beforeMakeUpDay.path("dueAt").asString()).withZoneSameInstant(SHANGHAI))
			.isEqualTo(ZonedDateTime.of(2026, 10, 10, 17, 0, 0, 0, SHANGHAI));
	}

	@Test
	void theUnitFindsTheNoticeInItsInboxAndMarksItRead() {
		long id = issue(this.unit, "URGE", 8).id();

		JsonNode inbox = this.operator.get("/api/v1/inbox").json();
		JsonNode first = inbox.path("items").get(0);
		assertThat(first.path("subject").asString()).startsWith("催办〔2026〕");
		assertThat(first.path("read").asBoolean()).isFalse();
		assertThat(first.path("link").asString()).isEqualTo("/notices/" + id);
		assertThat(this.otherOperator.get("/api/v1/inbox").json().path("total").asLong()).isZero();

		long notification = first.path("id").asLong();
		assertThat(this.otherOperator.post("/api/v1/inbox/" + notification + "/read", Map.of()).status())
			.isEqualTo(404);
		assertThat(this.operator.post("/api/v1/inbox/" + notification + "/read", Map.of()).status()).isEqualTo(204);
		assertThat(this.operator.get("/api/v1/inbox").json().path("items").get(0).path("read").asBoolean()).isTrue();
	}

	@Test
	void theRectificationLoopRefusesEveryIllegalStep() {
		long notice = issue(this.unit, "SUPERVISE", 16).id();
		Api both = new Api(this.port).as(this.fixtures.user(this.unit, "SUPERVISOR", "UNIT_OPERATOR"), Api.PASSWORD);
		Api.Response opened = this.operator.post("/api/v1/rectifications",
				Map.of("noticeId", notice, "measures", "清理占道经营，建立长效巡查机制", "dueDate", "2026-03-31"));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		long id = opened.id();
		String path = "/api/v1/rectifications/" + id;

		assertThat(this.supervisor.post(path + "/verify", Map.of("passed", true)).status()).isEqualTo(409);
		assertThat(this.otherOperator.post(path + "/submit", Map.of("evidence", "x")).status()).isEqualTo(403);
		assertThat(both.post(path + "/submit", Map.of("evidence", "已清理 12 处")).json().path("status").asString())
			.isEqualTo("SUBMITTED");
		assertThat(both.post(path + "/submit", Map.of("evidence", "again")).status()).isEqualTo(409);
		assertThat(both.post(path + "/verify", Map.of("passed", true)).status()).isEqualTo(409);
		assertThat(this.operator.post(path + "/verify", Map.of("passed", true)).status()).isEqualTo(403);

		JsonNode rejected = this.supervisor.post(path + "/verify", Map.of("passed", false, "comment", "佐证不足")).json();
		assertThat(rejected.path("status").asString()).isEqualTo("OPEN");
		assertThat(this.operator.post(path + "/submit", Map.of("evidence", "补充照片 30 张")).status()).isEqualTo(200);
		JsonNode closed = this.supervisor.post(path + "/verify", Map.of("passed", true, "comment", "整改到位")).json();
		assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("rounds").asInt()).isEqualTo(2);

		assertThat(this.operator.post(path + "/submit", Map.of("evidence", "x")).status()).isEqualTo(409);
		assertThat(this.supervisor.post(path + "/verify", Map.of("passed", false)).status()).isEqualTo(409);
		assertThat(this.supervisor.get("/api/v1/rectifications?unitId=" + this.unit + "&status=CLOSED").json().size())
			.isEqualTo(1);

		this.supervisor.post("/api/v1/notices/" + notice + "/respond", Map.of("text", "x"));
		long closedNotice = issue(this.unit, "REMINDER", 8).id();
		this.operator.post("/api/v1/notices/" + closedNotice + "/respond", Map.of("text", "已整改完毕"));
		this.supervisor.post("/api/v1/notices/" + closedNotice + "/close", Map.of());
		assertThat(this.operator
			.post("/api/v1/rectifications",
					Map.of("noticeId", closedNotice, "measures", "补充整改", "dueDate", "2026-03-31"))
			.status()).as("a closed notice takes no new rectification").isEqualTo(409);
		Api.Response past = this.operator.post("/api/v1/rectifications",
				Map.of("noticeId", issue(this.unit, "REMINDER", 8).id(), "measures", "补充整改", "dueDate", "2026-03-01"));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("dueDate");
	}

	@Test
	void badNoticesAreRefusedNamingTheField() {
		Map<String, Object> noLevel = body(this.unit, "REMINDER", 8);
		noLevel.remove("level");
		assertThat(
				this.supervisor.post("/api/v1/notices", noLevel).json().path("errors").get(0).path("field").asString())
			.isEqualTo("level");
		assertThat(this.supervisor.post("/api/v1/notices", body(this.unit, "SCOLD", 8)).status()).isEqualTo(400);
		assertThat(this.supervisor.post("/api/v1/notices", body(999_999_999L, "REMINDER", 8)).status()).isEqualTo(400);
		assertThat(this.supervisor.post("/api/v1/notices", body(this.unit, "REMINDER", 0)).status()).isEqualTo(400);
	}

	@Test
	void theRulesAreDataTheOfficeEdits() {
		JsonNode rules = this.supervisor.get("/api/v1/supervision/rules").json();
		JsonNode rule = rules.get(0);
		Map<String, Object> changed = new HashMap<>();
		rule.properties().forEach((entry) -> changed.put(entry.getKey(), entry.getValue()));
		changed.put("responseHours", 4);
		changed.put("version", rule.path("version").asLong());
		changed.put("name", rule.path("name").asString());
		changed.put("level", rule.path("level").asString());
		changed.put("enabled", true);
		changed.remove("fromLevel");
		changed.remove("threshold");

		Api.Response saved = this.supervisor.put("/api/v1/supervision/rules/" + rule.path("id").asLong(), changed);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("responseHours").asInt()).isEqualTo(4);
		assertThat(this.supervisor.put("/api/v1/supervision/rules/" + rule.path("id").asLong(), changed).status())
			.isEqualTo(409);
		assertThat(this.operator.get("/api/v1/supervision/rules").status()).isEqualTo(403);
		changed.put("responseHours", rule.path("responseHours").asInt());
		changed.put("version", saved.json().path("version").asLong());
		this.supervisor.put("/api/v1/supervision/rules/" + rule.path("id").asLong(), changed);
	}

	@Test
	void evidenceFilesGoWithTheSubmissionAndOnlyWhileTheRectificationIsOpen() {
		long notice = issue(this.unit, "URGE", 8).id();
		long id = this.operator
			.post("/api/v1/rectifications", Map.of("noticeId", notice, "measures", "拆除违章搭建", "dueDate", "2026-03-31"))
			.id();
		String files = "/api/v1/rectifications/" + id + "/files";
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0 };

		Api.Response attached = this.operator.upload(files, "拆除后.png", "image/png", png);
		assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
		assertThat(this.operator.upload(files, "拆除后.png", "image/png", "not a picture".getBytes()).status())
			.isEqualTo(400);
		assertThat(this.operator.upload(files, "x.html", "text/html", "<script>".getBytes()).status()).isEqualTo(400);
		assertThat(this.otherOperator.upload(files, "别人的.png", "image/png", png).status()).isEqualTo(403);
		assertThat(this.otherOperator.get(files).status()).isEqualTo(403);

		JsonNode listed = this.supervisor.get(files).json();
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.get(0).path("fileName").asString()).isEqualTo("拆除后.png");
		Api.Response download = this.supervisor.get(attached.header("Location"));
		assertThat(download.bytes()).isEqualTo(png);
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");

		this.operator.post("/api/v1/rectifications/" + id + "/submit", Map.of("evidence", "违章搭建已拆除"));
		assertThat(this.operator.upload(files, "迟到的.png", "image/png", png).status()).isEqualTo(409);
		assertThat(this.supervisor.get(files).json().size()).isEqualTo(1);
	}

	@Test
	void aReportNotFiledByItsDueDayRaisesAReminderOnce() {
		long leader = new Api(this.port).asAdmin()
			.post("/api/v1/people", Map.of("name", "孙海燕", "unitId", this.district))
			.id();
		long campaign = this.supervisor.post("/api/v1/campaigns",
				Map.of("code", Fixtures.unique("GJ"), "name", "城市更新攻坚行动", "year", 2026, "leadLeaderId", leader,
						"leadUnitId", this.unit, "startDate", "2026-01-01", "endDate", "2026-12-31", "taskForceUserIds",
						java.util.List.of(), "reportDueDay", 10))
			.id();
		long silent = task(campaign, this.unit, "城中村改造" + "，".repeat(480));
		long diligent = task(campaign, this.otherUnit, "背街小巷提升");
		assertThat(reminders(silent)).as("nothing is due yet").isZero();

		this.clock.set(ZonedDateTime.of(2026, 4, 13, 10, 0, 0, 0, SHANGHAI));
		this.supervisor = new Api(this.port).as(this.supervisorName, Api.PASSWORD);
		Api.Response filed = new Api(this.port).as(this.otherOperatorName, Api.PASSWORD)
			.post("/api/v1/tasks/" + diligent + "/reports",
					Map.of("period", "2026-04", "percent", 30, "narrative", "已完成 6 条街巷提升"));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);

		assertThat(reminders(silent)).isEqualTo(1);
		assertThat(reminders(diligent)).isZero();
		assertThat(reminders(silent)).as("a second run raises nothing").isZero();
		JsonNode notice = this.supervisor.get("/api/v1/notices?unitId=" + this.unit + "&size=50")
			.json()
			.path("items")
			.valueStream()
			.filter((n) -> n.path("taskId").asLong() == silent)
			.findFirst()
			.orElseThrow();
		assertThat(notice.path("ruleCode").asString()).isEqualTo("REPORT-MISSING");
		assertThat(notice.path("subject").asString()).as("a long title is cut to the subject's length")
			.startsWith("进度未报：城中村改造")
			.hasSizeLessThanOrEqualTo(300);
		JsonNode detected = this.supervisor.get("/api/v1/findings?source=MONITORING&unitId=" + this.unit)
			.json()
			.valueStream()
			.filter((f) -> f.path("id").asLong() == notice.path("findingId").asLong())
			.findFirst()
			.orElseThrow();
		assertThat(detected.path("taskId").asLong()).isEqualTo(silent);
		assertThat(detected.path("description").asString()).contains("2026-04");
	}

	@Test
	void inspectionsInstructionsAndMeetingsBecomeFindingsAndADecisionATask() {
		long inspection = this.supervisor
			.post("/api/v1/inspections",
					Map.of("kind", "UNANNOUNCED", "title", "夜间施工暗访", "scope", "在建工地", "inspectors", "区督查室暗访组",
							"plannedOn", "2026-03-12"))
			.id();
		assertThat(this.operator
			.post("/api/v1/inspections", Map.of("kind", "ROUTINE", "title", "x", "plannedOn", "2026-03-12"))
			.status()).isEqualTo(403);
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10 };
		Api.Response photo = this.supervisor.upload("/api/v1/inspections/" + inspection + "/photos", "工地.jpg",
				"image/jpeg", jpeg);
		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		assertThat(this.supervisor
			.upload("/api/v1/inspections/" + inspection + "/photos", "报告.pdf", "application/pdf", "%PDF-1.4".getBytes())
			.status()).as("photos are pictures").isEqualTo(400);
		assertThat(this.operator.upload("/api/v1/inspections/" + inspection + "/photos", "工地.jpg", "image/jpeg", jpeg)
			.status()).isEqualTo(403);
		assertThat(this.supervisor.get("/api/v1/inspections/" + inspection + "/photos").json().size()).isEqualTo(1);
		assertThat(this.operator.get("/api/v1/inspections/" + inspection + "/photos").status())
			.as("the office's plan, unannounced visits included, is not for the units")
			.isEqualTo(403);
		assertThat(this.operator.get(photo.header("Location")).status()).isEqualTo(403);
		assertThat(this.operator.get("/api/v1/inspections?month=2026-03").status()).isEqualTo(403);

		Api.Response found = this.supervisor.post("/api/v1/inspections/" + inspection + "/complete",
				Map.of("doneOn", "2026-03-12", "summary", "1 处工地夜间施工未办许可。", "findings", java.util.List
					.of(Map.of("unitId", this.otherUnit, "description", "新区工地夜间施工未办许可", "deadline", "2026-03-20"))));
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		long finding = found.json().get(0).path("id").asLong();
		assertThat(this.supervisor
			.post("/api/v1/inspections/" + inspection + "/complete",
					Map.of("doneOn", "2026-03-13", "findings", java.util.List.of()))
			.status()).as("recorded once").isEqualTo(409);

		Map<String, Object> fromFinding = body(this.otherUnit, "URGE", 8);
		fromFinding.put("findingId", finding);
		assertThat(this.supervisor.post("/api/v1/notices", fromFinding).json().path("findingId").asLong())
			.isEqualTo(finding);

		long leader = new Api(this.port).asAdmin()
			.post("/api/v1/people", Map.of("name", "周明", "unitId", this.district))
			.id();
		Api.Response instructed = this.supervisor.post("/api/v1/instructions",
				Map.of("leaderId", leader, "instructedOn", "2026-03-13", "finding",
						Map.of("unitId", this.unit, "description", "周明副区长批示：加快安置房交付", "deadline", "2026-03-31")));
		assertThat(instructed.status()).as(instructed.toString()).isEqualTo(201);
		assertThat(instructed.json().path("source").asString()).isEqualTo("INSTRUCTION");

		long campaign = this.supervisor.post("/api/v1/campaigns",
				Map.of("code", Fixtures.unique("GJ"), "name", "棚户区改造攻坚行动", "year", 2026, "leadLeaderId", leader,
						"leadUnitId", this.unit, "startDate", "2026-01-01", "endDate", "2026-12-31", "taskForceUserIds",
						java.util.List.of()))
			.id();
		Api.Response meeting = this.supervisor.post("/api/v1/meetings",
				Map.of("title", "重点项目调度会", "heldOn", "2026-03-13", "chairId", leader, "decisions", java.util.List.of(
						Map.of("unitId", this.unit, "description", "两周内完成 3 户签约", "deadline", "2026-03-27",
								"campaignId", campaign),
						Map.of("unitId", this.otherUnit, "description", "配合做好临时安置", "deadline", "2026-03-27"))));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(200);
		long task = meeting.json().get(0).path("taskId").asLong();
		JsonNode made = this.supervisor.get("/api/v1/tasks/" + task).json();
		assertThat(made.path("title").asString()).isEqualTo("两周内完成 3 户签约");
		assertThat(made.path("campaignId").asLong()).isEqualTo(campaign);
		assertThat(made.path("deadline").asString()).isEqualTo("2026-03-27");
		assertThat(meeting.json().get(1).path("taskId").isNumber()).isFalse();
		assertThat(this.supervisor.post("/api/v1/instructions",
				Map.of("leaderId", leader, "instructedOn", "2026-03-13", "finding",
						Map.of("unitId", this.unit, "description", "x", "campaignId", campaign)))
			.status()).as("only meeting decisions become tasks").isEqualTo(400);

		JsonNode mine = this.operator.get("/api/v1/findings").json();
		assertThat(mine.valueStream().map((f) -> f.path("unitId").asLong())).containsOnly(this.unit);
		assertThat(mine.valueStream().map((f) -> f.path("source").asString())).contains("INSTRUCTION", "MEETING");
	}

	private long task(long campaign, long unitId, String title) {
		Api.Response task = this.supervisor.post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title,
				"leadUnitId", unitId, "cooperatingUnitIds", java.util.List.of(), "deadline", "2026-12-31"));
		assertThat(task.status()).as(task.toString()).isEqualTo(201);
		return task.id();
	}

	/** Runs the rules and counts the missed-report reminders they raised for a task. */
	private long reminders(long taskId) {
		Api.Response run = this.supervisor.post("/api/v1/supervision/escalations/run", Map.of());
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		return run.json()
			.path("created")
			.valueStream()
			.filter((n) -> n.path("taskId").asLong() == taskId
					&& "REPORT-MISSING".equals(n.path("ruleCode").asString()))
			.count();
	}

	private Api.Response issue(long unitId, String level, int hours) {
		return this.supervisor.post("/api/v1/notices", body(unitId, level, hours));
	}

	private static Map<String, Object> body(long unitId, String level, int hours) {
		Map<String, Object> body = new HashMap<>();
		body.put("unitId", unitId);
		body.put("level", level);
		body.put("subject", "背街小巷整治进度滞后");
		body.put("body", "请于期限内说明情况并报送整改方案。");
		body.put("responseDueWorkingHours", hours);
		return body;
	}

}
