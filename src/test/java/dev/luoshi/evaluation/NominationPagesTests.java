package dev.luoshi.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import dev.luoshi.test.Api;
import dev.luoshi.test.Browser;
import dev.luoshi.test.BrowserTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's selection rounds as people use them: the culture and tourism bureau's head
 * nominates her liaison with a scanned commendation; the office reads last year's
 * published result and a selected cadre's record of results, and a leader's.
 */
@BrowserTest
class NominationPagesTests {

	@LocalServerPort
	int port;

	Browser head;

	Browser office;

	@BeforeEach
	void open() {
		this.head = Browser.open(this.port);
		this.office = Browser.open(this.port);
	}

	@AfterEach
	void close() {
		this.head.close();
		this.office.close();
	}

	@Test
	void aUnitHeadNominatesWithEvidenceAndTheOfficeReadsThePublishedResultAndRecords() throws IOException {
		int year = LocalDate.now().getYear();
		this.head.signIn("head.wenlv", Api.PASSWORD);
		this.head.go("/nominations");
		assertThat(this.head.text()).contains("担当者评选").contains(year + "年度担当作为好干部").contains("提名中");
		new Select(this.head.field("personId")).selectByVisibleText("魏晨 联络员");
		this.head.field("deeds").sendKeys("牵头建立文旅项目周报制度，全年报送零延误。");
		Path scan = Files.createTempFile("表彰决定", ".pdf");
		Files.writeString(scan, "%PDF-1.4 表彰决定", StandardCharsets.UTF_8);
		this.head.field("files").sendKeys(scan.toAbsolutePath().toString());
		this.head.click("form[enctype][action$='/nominations'] button[type=submit]");
		this.head.waitForText("已提名");
		assertThat(this.head.text()).contains("魏晨").contains("全年报送零延误").contains(scan.getFileName().toString());
		assertThat(this.head.text()).doesNotContain("汪海波");
		this.head.screenshot("nominations-nominated");
		assertThat(this.head.scriptErrors()).isEmpty();

		this.office.signIn("supervisor", Api.PASSWORD);
		this.office.go("/nominations");
		this.office.clickLink((year - 1) + "年度担当作为好干部");
		this.office.waitForText("入选名单");
		assertThat(this.office.find(".ls-results").getText()).contains("汪海波")
			.contains("邓国强")
			.contains("邱建平")
			.doesNotContain("杜勇");
		this.office.screenshot("nominations-published");
		this.office.clickLink("汪海波");
		this.office.waitForPath("/record");
		assertThat(this.office.text()).contains("汪海波").contains("实绩档案").contains("表彰");

		this.office.go("/people?q=周明");
		this.office.clickLink("周明");
		this.office.waitForPath("/record");
		assertThat(this.office.text()).contains("实绩档案").contains("负责的任务").contains("区文化和旅游局");
		this.office.screenshot("person-record");
		assertThat(this.office.scriptErrors()).isEmpty();
	}

}
