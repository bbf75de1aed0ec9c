package dev.luoshi.project;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key projects as people use them: the list and a project's chart and timeline, a
 * liaison's monthly figures.
 */
@BrowserTest
class ProjectPagesTests {

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
	void aProjectShowsItsPlanAgainstActualAndItsPhases() {
		this.browser.signIn("supervisor", Api.PASSWORD);
		this.browser.go("/projects");

		assertThat(this.browser.text()).contains("重点项目").contains("开门红");
		assertThat(this.browser.findAll("table.ls-projects tbody tr").size()).isEqualTo(50);
		this.browser.waitFor("div.ls-chart[data-chart-ready] canvas");
		this.browser.screenshot("projects");

		this.browser.go("/projects?light=RED");
		this.browser.click("table.ls-projects tbody tr a[href^='/projects/']");
		this.browser.waitForText("建设阶段");
		this.browser.waitFor("#plan-actual[data-chart-ready] canvas");
		assertThat(this.browser.findAll(".ls-timeline li").size()).isEqualTo(6);
		assertThat(this.browser.findAll(".ls-timeline li.current").size()).isEqualTo(1);
		assertThat(this.browser.findAll("table.ls-months tbody tr").size()).isEqualTo(2);
		assertThat(this.browser.find("h1 .ls-light").getText()).isEqualTo("红灯");
		this.browser.screenshot("project");

		this.browser.go("/headquarters");
		assertThat(this.browser.text()).contains("临江区重点项目建设总指挥部").contains("文旅项目专项指挥部");
		this.browser.screenshot("headquarters");
		assertThat(this.browser.scriptErrors()).isEmpty();
	}

	@Test
	void aLiaisonFilesTheMonthsFigureAndSeesItOnTheProject() throws IOException {
		Api supervisor = new Api(this.port).as("supervisor", Api.PASSWORD);
		long bureau = supervisor.get("/api/v1/units?q=LJ-WLJ").json().path("items").get(0).path("id").asLong();
		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
		JsonNode pending = null;
		for (JsonNode status : supervisor.get("/api/v1/projects/figures?month=" + month + "&unitId=" + bureau).json()) {
			if (status.path("state").asString().equals("PENDING")) {
				pending = status;
				break;
			}
		}
		assertThat(pending).as("a project of the bureau still to report this month").isNotNull();
		long project = pending.path("projectId").asLong();

		this.browser.signIn("operator.wenlv", Api.PASSWORD);
		this.browser.go("/projects/filing?month=" + month);
		WebElement amount = this.browser.find("input[name='amount-" + project + "']");
		amount.clear();
		amount.sendKeys("1,234.56");
		this.browser.find("input[name='narrative-" + project + "']").sendKeys("游客中心完成主体封顶");
		this.browser.click("form[action='/projects/filing'] button[type=submit]").waitForText("已提交 1 个项目");
		WebElement row = this.browser.find("input[name='amount-" + project + "']")
			.findElement(By.xpath("./ancestor::tr"));
		assertThat(row.getText()).contains("已报");
		this.browser.screenshot("figures-filed");

		this.browser.go("/projects/" + project);
		assertThat(this.browser.text()).contains(month).contains("1,234.56").contains("游客中心完成主体封顶");
		JsonNode figure = supervisor.get("/api/v1/projects/" + project + "/investment-reports")
			.json()
			.path("items")
			.get(0);
		assertThat(figure.path("month").asString()).isEqualTo(month);
		assertThat(figure.path("amount").decimalValue()).isEqualByComparingTo("12345600.00");

		Path photo = Files.createTempFile("游客中心封顶", ".png");
		ImageIO.write(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
		String form = "form[action='/investment-reports/" + figure.path("id").asLong() + "/photos']";
		this.browser.find(form + " input[type=file]").sendKeys(photo.toAbsolutePath().toString());
		this.browser.click(form + " button[type=submit]").waitForText("现场照片已添加");
		WebElement thumbnail = this.browser.find(".ls-photos img");
		assertThat((Long) this.browser.driver().executeScript("return arguments[0].naturalWidth", thumbnail))
			.isEqualTo(60L);
		assertThat(this.browser.scriptErrors()).isEmpty();
	}

}
