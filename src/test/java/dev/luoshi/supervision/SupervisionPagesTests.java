package dev.luoshi.supervision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.luoshi.test.Api;
import dev.luoshi.test.Browser;
import dev.luoshi.test.BrowserTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision as people use it: the office issues a notice from a lagging task in two
 * clicks; the street's liaison sees it in the header, signs for it, answers and rectifies
 * with a photo; the office closes it and passes the rectification.
 */
@BrowserTest
class SupervisionPagesTests {

	@LocalServerPort
	int port;

	Browser office;

	Browser street;

	@BeforeEach
	void open() {
		this.office = Browser.open(this.port);
		this.street = Browser.open(this.port);
	}

	@AfterEach
	void close() {
		this.office.close();
		this.street.close();
	}

	@Test
	void aNoticeFromALaggingTaskIsAnsweredAndItsRectificationPassed() throws IOException {
		this.office.signIn("supervisor", Api.PASSWORD);
		this.office.go("/supervision/lagging");
		assertThat(this.office.text()).contains("落后工作").contains("江滨街道");
		this.office.clickLink("江滨路沿线立面改造");
		this.office.waitForPath("/tasks/");

		this.office.click("a.ls-issue-link");
		this.office.waitForPath("/supervision");
		assertThat(this.office.field("subject").getAttribute("value")).isEqualTo("江滨路沿线立面改造");
		this.office.click("form.ls-issue button[type=submit]");
		this.office.waitForPath("/notices/");
		String notice = this.office.path();
		assertThat(this.office.text()).contains("督办单已发出").contains("江滨街道").contains("待签收");
		this.office.screenshot("supervision-notice-issued");

		this.street.signIn("operator.jiangbin", Api.PASSWORD);
		assertThat(Integer.parseInt(this.street.find(".ls-unread").getText())).isPositive();
		this.street.go("/inbox");
		assertThat(this.street.text()).contains("江滨路沿线立面改造");
		this.street.go(notice);
		this.street.click("form[action$='/acknowledge'] button");
		this.street.waitForText("已签收，请按时回复");
		assertThat(this.street.text()).contains("首问签收");
		this.street.field("text").sendKeys("已约谈施工单位，立面改造下周完成验收。");
		this.street.click("form[action$='/respond'] button");
		this.street.waitForText("回复已提交");
		assertThat(this.street.text()).contains("已回复").contains("立面改造下周完成验收");

		this.street.field("measures").sendKeys("增加两支施工队，倒排验收计划");
		this.street.driver()
			.executeScript("arguments[0].value = arguments[1]", this.street.field("dueDate"),
					LocalDate.now().plusDays(10).toString());
		this.street.click("form[action$='/rectifications'] button");
		this.street.waitForText("增加两支施工队");
		Path photo = Files.createTempFile("立面改造", ".png");
		ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
		WebElement form = this.street.find("form.ls-submit-evidence");
		form.findElement(By.name("evidence")).sendKeys("已完成 3 栋楼立面改造，附现场照片。");
		form.findElement(By.name("files")).sendKeys(photo.toAbsolutePath().toString());
		this.street.click("form.ls-submit-evidence button[type=submit]");
		this.street.waitForText("整改佐证已提交，等待验收");
		assertThat(this.street.text()).contains("待验收").contains(photo.getFileName().toString());
		this.street.screenshot("supervision-rectification-submitted");

		this.office.go(notice);
		this.office.click("form[action$='/close'] button");
		this.office.waitForText("督办单已办结");
		this.office.find("form[action*='/verify'] input[name=comment]").sendKeys("现场复核，整改到位");
		this.office.click("form[action*='/verify'] button[value=true]");
		this.office.waitForText("已销号");
		assertThat(this.office.text()).contains("已办结").contains("现场复核，整改到位");
		assertThat(this.office.scriptErrors()).isEmpty();

		this.street.go("/inbox");
		this.street.field("email").sendKeys("fanqi@jiangbin.example");
		this.street.click("#digest");
		this.street.click("form.ls-preferences button[type=submit]");
		this.street.waitForText("推送设置已保存");
		assertThat(this.street.field("email").getAttribute("value")).isEqualTo("fanqi@jiangbin.example");
		assertThat(this.street.find("#digest").isSelected()).isTrue();
		assertThat(this.street.scriptErrors()).isEmpty();
	}

	@Test
	void theDeskTheInspectionPlanAndTheLedgerShowTheDemoMonth() {
		this.office.signIn("supervisor", Api.PASSWORD);
		this.office.go("/supervision");
		assertThat(this.office.text()).contains("督办台").contains("逾期未回复").contains("待验收整改").contains("约谈〔");
		assertThat(this.office.findAll(".ls-notice-card.ls-notice-RED")).isNotEmpty();
		assertThat(this.office.findAll(".ls-notice-card.ls-notice-ORANGE")).isNotEmpty();
		assertThat(this.office.findAll(".ls-notice-card.ls-notice-BLUE")).isNotEmpty();
		this.office.screenshot("supervision-desk");

		// what the browser's own checks would stop is refused by the server too, naming
		// the field
		this.office.driver()
			.executeScript("document.querySelectorAll('form.ls-issue [required], form.ls-issue [min]')"
					+ ".forEach((e) => { e.removeAttribute('required'); e.removeAttribute('min'); })");
		this.office.field("subject").sendKeys("   ");
		this.office.field("hours").sendKeys("-1");
		this.office.click("form.ls-issue button[type=submit]");
		this.office.waitForPath("/supervision");
		assertThat(this.office.find(".alert-danger, .ls-error, [role=alert]").getText()).isNotBlank();
		assertThat(this.office.text()).contains("督办台").doesNotContain("Whitelabel");

		// the demo's photographed inspections were done 15 and 25 days ago: in the first
		// days
		// of a month they are last month's
		YearMonth inspected = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(15));
		this.office.go("/supervision/inspections?month=" + inspected);
		assertThat(this.office.text()).contains("督查计划").contains("暗访").contains("领导批示").contains("会议议定");
		WebElement photo = this.office.find(".ls-photos img");
		assertThat((Long) this.office.driver().executeScript("return arguments[0].naturalWidth", photo))
			.as("the inspection photo is served")
			.isPositive();

		this.office.go("/notices");
		assertThat(this.office.text()).contains("督办台账").contains("导出台账");
		new org.openqa.selenium.support.ui.Select(this.office.find("select[name=level]")).selectByValue("URGE");
		this.office.waitForPath("level=URGE");
		assertThat(this.office.findAll(".ls-notices .ls-notice-card")).isNotEmpty()
			.allSatisfy((card) -> assertThat(card.getText()).isEqualTo("催办"));

		this.office.go("/rectifications");
		assertThat(this.office.text()).contains("整改台账").contains("已销号").contains("待验收").contains("整改中");
		new org.openqa.selenium.support.ui.Select(this.office.find("select[name=unitId]")).selectByVisibleText("江滨街道");
		this.office.waitForPath("unitId=");
		assertThat(this.office.findAll("tbody tr")).allSatisfy((row) -> assertThat(row.getText()).contains("江滨街道"));
		assertThat(this.office.scriptErrors()).isEmpty();
	}

}
