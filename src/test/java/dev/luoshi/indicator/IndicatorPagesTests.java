package dev.luoshi.indicator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.Browser;
import dev.luoshi.test.BrowserTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo district's indicators and 亩均 table as a leader opens them: the dashboard with
 * its chart, and the enterprises filtered by class.
 */
@BrowserTest
class IndicatorPagesTests {

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
	void theDashboardComparesRegionsAndTheTableGradesEnterprises() {
		this.browser.signIn("leader", Api.PASSWORD);
		this.browser.go("/indicators?indicator=GDP&period=2026Q3");

		assertThat(this.browser.text()).contains("地区生产总值").contains("临江区").contains("桃源镇");
		assertThat(this.browser.findAll("table.ls-indicator-values tbody tr").size()).isEqualTo(6);
		this.browser.waitFor("div.ls-chart[data-chart-ready] canvas");
		this.browser.screenshot("indicators");

		this.browser.go("/enterprises?year=2025");
		assertThat(this.browser.findAll("table.ls-enterprises tbody tr").size()).isEqualTo(50);
		for (String grade : new String[] { "A", "B", "C", "D" }) {
			assertThat(Integer.parseInt(this.browser.find("[data-grade='" + grade + "']").getText())).isPositive();
		}
		this.browser.go("/enterprises?year=2025&grade=D");
		assertThat(this.browser.findAll("table.ls-enterprises tbody .ls-grade").stream().map((e) -> e.getText()))
			.isNotEmpty()
			.containsOnly("D");
		this.browser.screenshot("enterprises");
		assertThat(this.browser.scriptErrors()).isEmpty();
	}

}
