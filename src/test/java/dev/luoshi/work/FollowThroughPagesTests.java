package dev.luoshi.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.Browser;
import dev.luoshi.test.BrowserTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task book as people use it: a liaison files a report, the supervision office
 * accepts it, the light changes.
 */
@BrowserTest
class FollowThroughPagesTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void open() {
		this.browser = Browser.open(this.port);
	}

	@AfterEach
	void close() {
		this.browser.close();
	}

	@Test
	void theCampaignsShowTheirLightsAndTaskTrees() {
		this.browser.signIn("leader", Api.PASSWORD);
		this.browser.go("/campaigns");

		assertThat(this.browser.text()).contains("旅游突破攻坚行动").contains("红灯");
		this.browser.click("a.ls-campaign[href^='/campaigns/']");
		this.browser.waitForText("任务书");
		assertThat(this.browser.findAll(".ls-task-row").size()).isGreaterThan(5);
		assertThat(this.browser.findAll(".ls-task-row .ls-code").get(0).getText()).isEqualTo("1");
		this.browser.screenshot("campaign-tree");
		assertThat(this.browser.scriptErrors()).isEmpty();
	}

	@Test
	void aLedgerWithAnUnknownUnitShowsItsRefusedRowsAndImportsNothing() throws IOException {
		Path ledger = Files.createTempFile("ledger", ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet();
			sheet.createRow(0).createCell(0).setCellValue("补充任务台账");
			Row header = sheet.createRow(1);
			String[] headings = { "序号", "重点工作", "责任单位", "完成时限" };
			for (int i = 0; i < headings.length; i++) {
				header.createCell(i).setCellValue(headings[i]);
			}
			Row row = sheet.createRow(2);
			row.createCell(0).setCellValue("1");
			row.createCell(1).setCellValue("新建游客驿站");
			row.createCell(2).setCellValue("区不存在局");
			row.createCell(3).setCellValue("6月底前");
			try (var out = Files.newOutputStream(ledger)) {
				workbook.write(out);
			}
		}
		this.browser.signIn("supervisor", Api.PASSWORD);
		this.browser.go("/campaigns");
		this.browser.click("a.ls-campaign[href^='/campaigns/']").waitForText("任务书");
		int rows = this.browser.findAll(".ls-task-row").size();

		this.browser.find("#ledger").sendKeys(ledger.toAbsolutePath().toString());
		this.browser.click("form[action$='/import'] button[type=submit]").waitForText("导入未成功");

		assertThat(this.browser.find("#import-errors").getText()).contains("3").contains("牵头单位").contains("区不存在局");
		assertThat(this.browser.findAll(".ls-task-row")).hasSize(rows);
		this.browser.screenshot("import-errors");
	}

	@Test
	void aLiaisonFilesAReportAndOnceAcceptedTheLightChanges() {
		Api supervisor = new Api(this.port).as("supervisor", Api.PASSWORD);
		long bureau = supervisor.get("/api/v1/units?q=LJ-WLJ").json().path("items").get(0).path("id").asLong();
		JsonNode task = supervisor.get("/api/v1/tasks?status=OPEN&unitId=" + bureau + "&light=YELLOW")
			.json()
			.path("items")
			.get(0);
		long id = task.path("id").asLong();

		this.browser.signIn("operator.wenlv", Api.PASSWORD);
		this.browser.go("/todo");
		assertThat(this.browser.text()).contains(task.path("title").asString());
		this.browser.go("/tasks/" + id);
		assertThat(this.browser.find("h1 .ls-light").getText()).isEqualTo("黄灯");
		this.browser.find("#percent").clear();
		this.browser.find("#percent").sendKeys("100");
		this.browser.find("#narrative").sendKeys("全部建设内容已完工并通过验收。");
		this.browser.click("form[action$='/reports'] button[type=submit]").waitForText("进展已提交");
		this.browser.screenshot("report-filed");
		this.browser.click("form[action='/logout'] button");

		this.browser.signIn("supervisor", Api.PASSWORD);
		this.browser.go("/tasks/" + id);
		this.browser.click("button[name=decision][value=ACCEPT]").waitForText("已审核");

		assertThat(this.browser.find("h1 .ls-light").getText()).isEqualTo("已完成");
		this.browser.screenshot("report-accepted");
		assertThat(this.browser.scriptErrors()).isEmpty();
	}

}
