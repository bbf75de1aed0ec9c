package dev.luoshi.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.Browser;
import dev.luoshi.test.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The battle map as a leader's office uses it: the landing page shows the campaigns with
 * their lights; the largest campaign's map counts its lights, draws its Gantt with
 * today's line and its charts; a narrowed map survives a reload; the cockpit draws its
 * charts; a street's operator cannot open another unit's map.
 */
@BrowserTest
class BattleMapPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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
	void theLargestCampaignsBattleMapShowsLightsGanttAndCharts() {
		this.browser.signIn("supervisor", Api.PASSWORD);
		this.browser.waitFor("#home-lights[data-chart-ready]");
		assertThat(this.browser.text()).contains("产业提升攻坚行动").contains("旅游突破攻坚行动").contains("红灯").contains("绿灯");
		assertThat(this.browser.findAll("a.ls-campaign")).hasSize(6);
		this.browser.screenshot("dashboard-home");

		long largest = this.jdbc
			.sql("select campaign_id from task group by campaign_id order by count(*) desc, campaign_id "
					+ "fetch first 1 rows only")
			.query(Long.class)
			.single();
		long tasks = this.jdbc.sql("select count(*) from task where campaign_id = ?")
			.param(largest)
			.query(Long.class)
			.single();
		this.browser.click("a.ls-campaign[href$='/battle-map/campaigns/" + largest + "']");
		this.browser.waitForPath("/battle-map/campaigns/" + largest);
		long counted = this.browser.findAll(".ls-light-counts .ls-figure[data-light]")
			.stream()
			.mapToLong((figure) -> Long
				.parseLong(figure.findElement(org.openqa.selenium.By.cssSelector(".value")).getText()))
			.sum();
		assertThat(counted).isEqualTo(tasks);
		assertThat(this.browser.find(".ls-light-counts").getText()).contains("红灯")
			.contains("黄灯")
			.contains("绿灯")
			.contains("已完成");
		assertThat(this.browser.findAll("svg.ls-gantt .ls-gantt-row")).isNotEmpty();
		assertThat(this.browser.find("svg.ls-gantt .ls-gantt-today").getText()).startsWith("今天");
		assertThat(this.browser.findAll("svg.ls-gantt .ls-gantt-off")).isNotEmpty();
		if (!this.browser.findAll("#battle-investment").isEmpty()) {
			this.browser.waitFor("#battle-investment[data-chart-ready]");
		}
		assertThat(this.browser.scriptErrors()).isEmpty();
		this.browser.screenshot("dashboard-battle-map");

		this.browser.go("/battle-map/campaigns/" + largest + "?light=RED");
		this.browser.driver().navigate().refresh();
		assertThat(this.browser.path()).contains("light=RED");
		assertThat(this.browser.find("#filter-light").getAttribute("value")).isEqualTo("RED");
		assertThat(this.browser.findAll(".ls-tasks .ls-light").stream().map((chip) -> chip.getText())).isNotEmpty()
			.contains("红灯");
		assertThat(this.browser.text()).contains("清除筛选");
		this.browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
		this.browser.screenshot("dashboard-battle-map-375");
		this.browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

		this.browser.go("/cockpit");
		this.browser.waitFor("#cockpit-lights[data-chart-ready]");
		this.browser.waitFor("#cockpit-notices[data-chart-ready]");
		assertThat(this.browser.text()).contains("驾驶舱").contains("本月督查督办").contains("各攻坚行动亮灯情况");
		assertThat(this.browser.find("body").getAttribute("data-refresh")).isEqualTo("300");
		assertThat(this.browser.scriptErrors()).isEmpty();
		this.browser.screenshot("dashboard-cockpit");
	}

	@Test
	void aStreetsOperatorSeesItsOwnUnitsMapButNotAnothers() {
		long own = this.jdbc.sql("select unit_id from account where username = 'operator.jiangbin'")
			.query(Long.class)
			.single();
		long other = this.jdbc.sql("select id from unit where code = 'LJ-FGJ'").query(Long.class).single();
		this.browser.signIn("operator.jiangbin", Api.PASSWORD);
		this.browser.go("/battle-map/units/" + own);
		assertThat(this.browser.text()).contains("挂图作战").contains("江滨街道");
		this.browser.go("/battle-map/units/" + other);
		assertThat(this.browser.text()).contains("403");
	}

}
