package dev.luoshi.project;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.Ledgers;
import dev.luoshi.test.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Project ledgers in and out of Excel, with the clock at 2026-03-16. */
@DatabaseTest
class ProjectLedgerApiTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api supervisor;

	Api operator;

	String unit;

	String hq;

	@BeforeEach
	void setUp() {
		this.clock.set(ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		Api admin = new Api(this.port).asAdmin();
		Fixtures fixtures = new Fixtures(admin);
		long district = fixtures.unit("临江区", "REGION", null);
		this.unit = Fixtures.unique("区发改局");
		long unitId = fixtures.unit(this.unit, "DEPARTMENT", district);
		this.supervisor = new Api(this.port).as(fixtures.user(district, "SUPERVISOR"), Api.PASSWORD);
		this.operator = new Api(this.port).as(fixtures.user(unitId, "UNIT_OPERATOR"), Api.PASSWORD);
		this.hq = Fixtures.unique("产业项目专项指挥部");
		this.supervisor.post("/api/v1/headquarters", Map.of("code", Fixtures.unique("HQ"), "name", this.hq));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aProjectListInTenThousandsOfYuanImportsExactly() throws IOException {
		String code = Fixtures.unique("XM");
		byte[] ledger = ledger(
				List.of("序号", "项目编号", "项目名称", "项目类别", "所属指挥部", "牵头单位", "总投资（万元）", "开工时间", "计划竣工", "建设阶段", "年度计划投资（万元）",
						"1月", "2月", "3月"),
				List.of("1", code, "滨江智能制造产业园", "产业", this.hq, this.unit, "12345.6789", "2026年3月1日", "2028年底", "在建",
						"1200", "100", "200", "900.0000"));

		Api.Response imported = this.supervisor.upload("/api/v1/projects/import?year=2026", "项目台账.xlsx", XLSX, ledger);

		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().path("imported").asInt()).isEqualTo(1);
		JsonNode project = this.supervisor.get("/api/v1/projects?q=" + code).json().path("items").get(0);
		assertThat(project.path("totalInvestment").decimalValue()).isEqualByComparingTo("123456789.00");
		assertThat(project.path("startDate").asString()).isEqualTo("2026-03-01");
		assertThat(project.path("plannedCompletion").asString()).isEqualTo("2028-12-31");
		assertThat(project.path("phase").asString()).isEqualTo("CONSTRUCTION");
		assertThat(project.path("progress").path("firstQuarterTarget").decimalValue())
			.isEqualByComparingTo("12000000.00");
	}

	@Test
	void twoLedgersWithoutCodesForOneYearGetCodesThatDoNotCollide() throws IOException {
		String first = Fixtures.unique("污水处理厂");
		String second = Fixtures.unique("污水处理厂");
		for (String name : List.of(first, second)) {
			byte[] ledger = ledger(List.of("序号", "项目名称", "牵头单位", "总投资", "计划竣工"),
					List.of("1", name, this.unit, "1000", "2031-12-31"));
			Api.Response imported = this.supervisor.upload("/api/v1/projects/import?year=2031", "台账.xlsx", XLSX,
					ledger);
			assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		}
		String firstCode = this.supervisor.get("/api/v1/projects?q=" + first)
			.json()
			.path("items")
			.get(0)
			.path("code")
			.asString();
		String secondCode = this.supervisor.get("/api/v1/projects?q=" + second)
			.json()
			.path("items")
			.get(0)
			.path("code")
			.asString();
		assertThat(firstCode).startsWith("XM-2031-");
		assertThat(secondCode).startsWith("XM-2031-").isNotEqualTo(firstCode);
	}

	@Test
	void aListWithOneUnknownUnitOrUnbalancedPlanIsRefusedWhole() throws IOException {
		byte[] ledger = ledger(List.of("项目名称", "牵头单位", "总投资（元）", "计划竣工", "年度计划投资", "1月", "2月"),
				List.of("城市更新一期", this.unit, "1000", "2027-12-31", "", "", ""),
				List.of("城市更新二期", "区不存在局", "1000", "2027-12-31", "", "", ""),
				List.of("城市更新三期", this.unit, "1000", "2027-12-31", "300", "100", "100"));

		Api.Response refused = this.supervisor.upload("/api/v1/projects/import?year=2026", "台账.xlsx", XLSX, ledger);

		assertThat(refused.status()).isEqualTo(400);
		JsonNode errors = refused.json().path("errors");
		assertThat(errors.size()).isEqualTo(2);
		assertThat(errors.get(0).path("row").asInt()).isEqualTo(4);
		assertThat(errors.get(0).path("column").asString()).isEqualTo("牵头单位");
		assertThat(errors.get(1).path("row").asInt()).isEqualTo(5);
		assertThat(errors.get(1).path("column").asString()).isEqualTo("年度计划投资");
		assertThat(this.supervisor.get("/api/v1/projects?q=城市更新").json().path("total").asLong()).isZero();
		assertThat(this.supervisor
			.upload("/api/v1/projects/import?year=2026", "a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(415);
	}

	@Test
	void aUnitImportsItsMonthsFiguresAndTheLedgerExportsAgain() throws IOException {
		String code = Fixtures.unique("XM");
		this.supervisor.upload("/api/v1/projects/import?year=2026", "台账.xlsx", XLSX,
				ledger(List.of("项目编号", "项目名称", "牵头单位", "总投资", "计划竣工", "年度计划投资"),
						List.of(code, "青山文旅小镇", this.unit, "5000000", "2027-06-30", "1200000")));

		byte[] figures = ledger(List.of("项目编号", "项目名称", "本月完成投资（万元）", "进展情况"), List.of(code, "", "12.5", "游客中心主体封顶"));
		Api.Response filed = this.operator.upload("/api/v1/projects/investment-reports/import?month=2026-02", "二月.xlsx",
				XLSX, figures);
		assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
		long id = this.supervisor.get("/api/v1/projects?q=" + code).json().path("items").get(0).path("id").asLong();
		JsonNode report = this.operator.get("/api/v1/projects/" + id + "/investment-reports")
			.json()
			.path("items")
			.get(0);
		assertThat(report.path("amount").decimalValue()).isEqualByComparingTo("125000.00");
		assertThat(report.path("narrative").asString()).isEqualTo("游客中心主体封顶");

		byte[] unknown = ledger(List.of("项目编号", "本月完成投资"), List.of("NO-SUCH", "1"));
		Api.Response refused = this.operator.upload("/api/v1/projects/investment-reports/import?month=2026-02",
				"x.xlsx", XLSX, unknown);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("row").asInt()).isEqualTo(3);

		Api.Response export = this.supervisor.get("/api/v1/projects/export?year=2026");
		assertThat(export.status()).isEqualTo(200);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("项目名称");
			boolean found = false;
			for (Row row : sheet) {
				if (row.getRowNum() > 1 && code.equals(row.getCell(0).getStringCellValue())) {
					found = true;
					assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(5000000.0);
					assertThat(row.getCell(25).getNumericCellValue()).isEqualTo(125000.0);
				}
			}
			assertThat(found).isTrue();
		}
		assertThat(this.supervisor.get("/api/v1/projects/import-template").status()).isEqualTo(200);
	}

	@SafeVarargs
	private static byte[] ledger(List<String> headings, List<String>... rows) throws IOException {
		return Ledgers.workbook("台账", "2026年临江区重点项目台账", (heading) -> heading.contains("编号") || heading.equals("序号"),
				headings, rows);
	}

}
