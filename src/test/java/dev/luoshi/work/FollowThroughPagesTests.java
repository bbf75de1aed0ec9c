package dev.luoshi.work;

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
