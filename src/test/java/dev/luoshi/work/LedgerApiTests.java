package dev.luoshi.work;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing the ledgers people keep, and exporting task books back to Excel. */
@DatabaseTest
class LedgerApiTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@LocalServerPort
	int port;

	Api supervisor;

	String housing;

	String resources;

	String street;

	String leader;

	long housingId;

	long resourcesId;

	long streetId;

	long campaign;

	String streetOperator;

	@BeforeEach
	void setUp() {
		Api admin = new Api(this.port).asAdmin();
		Fixtures fixtures = new Fixtures(admin);
		long district = fixtures.unit("临江区", "REGION", null);
		this.housing = Fixtures.unique("区住建局");
		this.resources = Fixtures.unique("区自然资源局");
		this.street = Fixtures.unique("江滨街道");
		this.housingId = admin
			.post("/api/v1/units", Map.of("code", Fixtures.unique("ZJ"), "name", this.housing, "kind", "DEPARTMENT",
					"parentId", district))
			.id();
		this.resourcesId = admin
			.post("/api/v1/units", Map.of("code", Fixtures.unique("ZR"), "name", this.resources, "kind", "DEPARTMENT",
					"parentId", district))
			.id();
		this.streetId = admin
			.post("/api/v1/units",
					Map.of("code", Fixtures.unique("JB"), "name", this.street, "kind", "STREET", "parentId", district))
			.id();
		this.streetOperator = fixtures.user(this.streetId, "UNIT_OPERATOR");
		this.leader = Fixtures.unique("孙海燕");
		long person = admin.post("/api/v1/people", Map.of("name", this.leader, "unitId", district, "title", "副区长"))
			.id();
		this.supervisor = new Api(this.port).as(fixtures.user(district, "SUPERVISOR"), Api.PASSWORD);
		this.campaign = this.supervisor.post("/api/v1/campaigns",
				Map.of("code", Fixtures.unique("GJ"), "name", "城市建设管理攻坚行动", "year", 2026, "leadLeaderId", person,
						"leadUnitId", this.housingId, "startDate", "2026-01-01", "endDate", "2027-12-31"))
			.id();
	}

	@Test
	void aLedgerWithATitleRowAndChineseDatesImportsWithItsHierarchy() throws IOException {
		byte[] ledger = ledger((sheet, dates) -> {
			row(sheet, 3, "一、", "完善城市基础设施", this.housing, "", this.leader, "全年", "");
			row(sheet, 4, "（一）", "改造雨污分流管网", this.housing + "、" + this.resources, "", this.leader, "2026年9月30日",
					"改造管网 35 公里");
			Row excelDate = row(sheet, 5, "（二）", "建设口袋公园", this.housing, this.street, "", "", "口袋公园10个");
			excelDate.createCell(5).setCellValue(LocalDate.of(2026, 6, 30));
			excelDate.getCell(5).setCellStyle(dates);
			row(sheet, 6, "二、", "提升城市精细化管理", this.housing, "", "", "长期坚持", "");
			row(sheet, 7, "（一）", "整治背街小巷", this.street, "", "", "三季度末", "背街小巷40条");
		});

		Api.Response imported = this.supervisor.upload("/api/v1/campaigns/" + this.campaign + "/tasks/import",
				"台账.xlsx", XLSX, ledger);

		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().path("imported").asInt()).isEqualTo(5);
		JsonNode tree = this.supervisor.get("/api/v1/campaigns/" + this.campaign + "/tasks").json();
		assertThat(tree.size()).isEqualTo(2);
		JsonNode first = tree.get(0);
		assertThat(first.path("deadline").asString()).isEqualTo("2026-12-31");
		assertThat(first.path("responsibleLeader").path("name").asString()).isEqualTo(this.leader);
		assertThat(first.path("children").size()).isEqualTo(2);
		JsonNode pipes = first.path("children").get(0);
		assertThat(pipes.path("code").asString()).isEqualTo("1.1");
		assertThat(pipes.path("deadline").asString()).isEqualTo("2026-09-30");
		assertThat(pipes.path("cooperatingUnitIds").size()).isEqualTo(1);
		assertThat(pipes.path("target").path("indicator").asString()).isEqualTo("改造管网");
		assertThat(pipes.path("target").path("value").asDouble()).isEqualTo(35.0);
		assertThat(pipes.path("target").path("unit").asString()).isEqualTo("公里");
		assertThat(first.path("children").get(1).path("deadline").asString()).isEqualTo("2026-06-30");
		assertThat(tree.get(1).path("deadline").asString()).isEqualTo("2027-12-31");
		assertThat(tree.get(1).path("children").get(0).path("deadline").asString()).isEqualTo("2026-09-30");
	}

	@Test
	void aLedgerWithOneUnknownUnitIsRefusedWholeNamingTheRow() throws IOException {
		byte[] ledger = ledger((sheet, dates) -> {
			row(sheet, 3, "1", "老旧小区改造", this.housing, "", "", "2026-12-31", "");
			row(sheet, 4, "1.1", "加装电梯", "区不存在局", "", "", "2026-10-31", "");
			row(sheet, 5, "1.2", "东门片区综合整治", this.street, "", "", "来年再说", "");
		});

		Api.Response refused = this.supervisor.upload("/api/v1/campaigns/" + this.campaign + "/tasks/import", "台账.xlsx",
				XLSX, ledger);

		assertThat(refused.status()).isEqualTo(400);
		JsonNode errors = refused.json().path("errors");
		assertThat(errors.size()).isEqualTo(2);
		assertThat(errors.get(0).path("row").asInt()).isEqualTo(5);
		assertThat(errors.get(0).path("column").asString()).isEqualTo("牵头单位");
		assertThat(errors.get(0).path("message").asString()).contains("区不存在局");
		assertThat(errors.get(1).path("row").asInt()).isEqualTo(6);
		assertThat(errors.get(1).path("column").asString()).isEqualTo("完成时限");
		assertThat(this.supervisor.get("/api/v1/campaigns/" + this.campaign + "/tasks").json().size()).isZero();
	}

	@Test
	void aNestedLedgerComesAfterTheTasksThereWithItsOutlineUnitsAndAncestors() throws IOException {
		this.supervisor.post("/api/v1/campaigns/" + this.campaign + "/tasks",
				Map.of("title", "已有任务", "leadUnitId", this.housingId, "deadline", "2026-12-31"));
		byte[] ledger = ledger((sheet, dates) -> {
			row(sheet, 3, "1", "完善城市基础设施", this.housing, "", this.leader, "2026-12-31", "");
			row(sheet, 4, "1.1", "改造雨污分流管网", this.housing + "、" + this.resources + "、" + this.housing, this.street, "",
					"2026-10-31", "改造管网 35 公里");
			row(sheet, 5, "1.1.1", "老城区管网", this.resources, "", "", "2026-09-30", "");
			row(sheet, 6, "1.2", "建设口袋公园", this.housing, "", "", "2026-06-30", "");
			row(sheet, 7, "2", "提升城市精细化管理", this.resources, "", "", "2026-12-31", "");
			row(sheet, 8, "2.1", "整治背街小巷", this.resources, "", "", "2026-11-30", "");
		});

		Api.Response imported = this.supervisor.upload("/api/v1/campaigns/" + this.campaign + "/tasks/import",
				"台账.xlsx", XLSX, ledger);

		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().path("imported").asInt()).isEqualTo(6);
		JsonNode tree = this.supervisor.get("/api/v1/campaigns/" + this.campaign + "/tasks").json();
		assertThat(tree.size()).isEqualTo(3);
		assertThat(tree.get(0).path("title").asString()).isEqualTo("已有任务");
		JsonNode first = tree.get(1);
		assertThat(first.path("code").asString()).isEqualTo("2");
		assertThat(first.path("title").asString()).isEqualTo("完善城市基础设施");
		assertThat(first.path("children").size()).isEqualTo(2);
		JsonNode pipes = first.path("children").get(0);
		assertThat(pipes.path("code").asString()).isEqualTo("2.1");
		assertThat(pipes.path("leadUnitId").asLong()).isEqualTo(this.housingId);
		assertThat(pipes.path("cooperatingUnitIds").size()).isEqualTo(1);
		assertThat(pipes.path("cooperatingUnitIds").get(0).asLong()).isEqualTo(this.resourcesId);
		assertThat(pipes.path("territorialUnitId").asLong()).isEqualTo(this.streetId);
		assertThat(pipes.path("children").get(0).path("code").asString()).isEqualTo("2.1.1");
		assertThat(pipes.path("children").get(0).path("title").asString()).isEqualTo("老城区管网");
		assertThat(first.path("children").get(1).path("code").asString()).isEqualTo("2.2");
		assertThat(tree.get(2).path("code").asString()).isEqualTo("3");
		assertThat(tree.get(2).path("children").get(0).path("code").asString()).isEqualTo("3.1");
		JsonNode seenByStreet = new Api(this.port).as(this.streetOperator, Api.PASSWORD)
			.get("/api/v1/campaigns/" + this.campaign + "/tasks")
			.json();
		assertThat(seenByStreet.size()).as("the street's task and the one above it").isEqualTo(1);
		assertThat(seenByStreet.get(0).path("code").asString()).isEqualTo("2");
		assertThat(seenByStreet.get(0).path("children").size()).isEqualTo(1);
		assertThat(seenByStreet.get(0).path("children").get(0).path("code").asString()).isEqualTo("2.1");
		assertThat(seenByStreet.get(0).path("children").get(0).path("children").size()).isZero();
		Api.Response loop = this.supervisor.post("/api/v1/tasks/" + first.path("id").asLong() + "/move",
				Map.of("parentId", pipes.path("children").get(0).path("id").asLong()));
		assertThat(loop.status()).as("a task cannot go below its own grandchild").isEqualTo(400);
	}

	@Test
	void rowsDueBeforeTheCampaignOrWithTooLongATitleAreNamed() throws IOException {
		byte[] ledger = ledger((sheet, dates) -> {
			row(sheet, 3, "1", "老旧小区改造", this.housing, "", "", "2025-12-31", "");
			row(sheet, 4, "2", "加装电梯".repeat(126), this.housing, "", "", "2026-10-31", "");
		});

		Api.Response refused = this.supervisor.upload("/api/v1/campaigns/" + this.campaign + "/tasks/import", "台账.xlsx",
				XLSX, ledger);

		assertThat(refused.status()).isEqualTo(400);
		JsonNode errors = refused.json().path("errors");
		assertThat(errors.size()).isEqualTo(2);
		assertThat(errors.get(0).path("row").asInt()).isEqualTo(4);
		assertThat(errors.get(0).path("column").asString()).isEqualTo("完成时限");
		assertThat(errors.get(1).path("row").asInt()).isEqualTo(5);
		assertThat(errors.get(1).path("column").asString()).isEqualTo("任务名称");
		assertThat(this.supervisor.get("/api/v1/campaigns/" + this.campaign + "/tasks").json().size()).isZero();
	}

	@Test
	void whatIsNoSpreadsheetIsRefused() {
		Api.Response text = this.supervisor.upload("/api/v1/campaigns/" + this.campaign + "/tasks/import", "台账.txt",
				"text/plain", "编号,任务名称".getBytes(StandardCharsets.UTF_8));
		Api.Response disguised = this.supervisor.upload("/api/v1/campaigns/" + this.campaign + "/tasks/import",
				"台账.xlsx", XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8));

		assertThat(text.status()).isEqualTo(415);
		assertThat(disguised.status()).isEqualTo(400);
		assertThat(disguised.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
	}

	@Test
	void anExportOpensAsAWorkbookAndImportsAgain() throws IOException {
		byte[] ledger = ledger((sheet, dates) -> {
			row(sheet, 3, "1", "老旧小区改造", this.housing, this.resources, this.leader, "2026-12-31", "改造小区28个");
			row(sheet, 4, "1.1", "加装电梯", this.housing, "", "", "2026-10-31", "加装电梯60部");
		});
		this.supervisor.upload("/api/v1/campaigns/" + this.campaign + "/tasks/import", "台账.xlsx", XLSX, ledger);

		Api.Response export = this.supervisor.get("/api/v1/campaigns/" + this.campaign + "/tasks/export");

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).startsWith(XLSX);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("任务名称");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("1.1");
			assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("加装电梯");
			assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo(this.resources);
		}
		Api.Response again = this.supervisor.upload("/api/v1/campaigns/" + this.campaign + "/tasks/import",
				"export.xlsx", XLSX, export.bytes());
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().path("imported").asInt()).isEqualTo(2);
		assertThat(this.supervisor.get("/api/v1/tasks/import-template").status()).isEqualTo(200);
	}

	interface Rows {

		void write(Sheet sheet, CellStyle dates);

	}

	private static byte[] ledger(Rows rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("台账");
			sheet.createRow(0).createCell(0).setCellValue("2026年城市建设管理攻坚行动重点任务台账");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
			sheet.createRow(1).createCell(0).setCellValue("填报单位：区住建局");
			Row header = sheet.createRow(2);
			List<String> headings = List.of("序号", "重点工作", "责任单位", "属地", "责任领导", "完成时限", "目标任务");
			for (int i = 0; i < headings.size(); i++) {
				header.createCell(i).setCellValue(headings.get(i));
			}
			CellStyle dates = workbook.createCellStyle();
			dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
			rows.write(sheet, dates);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static Row row(Sheet sheet, int index, String... cells) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < cells.length; i++) {
			if (!cells[i].isEmpty()) {
				row.createCell(i).setCellValue(cells[i]);
			}
		}
		return row;
	}

}
