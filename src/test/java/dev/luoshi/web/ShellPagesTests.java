package dev.luoshi.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.Browser;
import dev.luoshi.test.BrowserTest;
import dev.luoshi.test.Fixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class ShellPagesTests {

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
	void aPageSessionLivesInTheDatabaseAndExpiresAfterThirtyIdleMinutes() {
		this.browser.signIn("observer", Api.PASSWORD);

		assertThat(this.jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'observer'")
			.query(Integer.class)
			.list()).containsOnly(1800);
	}

	@Test
	void aWrongPasswordKeepsYouAtTheLoginForm() {
		this.browser.signIn("admin", "Wrong-Password-1");

		assertThat(this.browser.path()).startsWith("/login?error");
		assertThat(this.browser.text()).contains("用户名或密码错误");
	}

	@Test
	void anAdministratorSignsInSeesTheDistrictAndAddsAUnit() {
		this.browser.signIn("admin", Api.ADMIN_PASSWORD);
		assertThat(this.browser.text()).contains("您好，系统管理员").contains("临江区");
		this.browser.screenshot("home");

		this.browser.go("/units");
		this.browser.click("a[href*='/units?id=']").waitForPath("?id=");
		String code = Fixtures.unique("LJ-NEW");
		this.browser.find("#code").sendKeys(code);
		this.browser.find("#name").sendKeys("区数据局");
		this.browser.click("form[action='/units'] button[type=submit]").waitForText("已新增单位");

		assertThat(this.browser.text()).contains("已新增单位“区数据局”");
		assertThat(this.browser.find(".ls-tree").getText()).contains("区数据局");
		this.browser.screenshot("units");
		assertThat(this.browser.scriptErrors()).isEmpty();
	}

	@Test
	void thePagesSwitchToEnglishAndBack() {
		this.browser.signIn("supervisor", Api.PASSWORD);
		this.browser.go("/units?lang=en");

		assertThat(this.browser.text()).contains("Unit tree").contains("Sign out");
		this.browser.go("/people");
		assertThat(this.browser.text()).contains("Record a person");
		this.browser.go("/people?lang=zh-CN");
		assertThat(this.browser.text()).contains("登记人员");
		assertThat(this.browser.scriptErrors()).isEmpty();
	}

	@Test
	void theCalendarShowsHolidaysAndMakeUpDays() {
		this.browser.signIn("admin", Api.ADMIN_PASSWORD);
		this.browser.go("/calendar?year=2026");

		assertThat(this.browser.text()).contains("2026 年工作日历").contains("调休上班");
		assertThat(this.browser.findAll("td.ls-day-makeup")).hasSize(6);
		assertThat(this.browser.findAll("td.ls-day-off").size()).isGreaterThan(25);
		this.browser.screenshot("calendar");
		this.browser.go("/calendar?year=2027");
		assertThat(this.browser.text()).contains("尚未发布");
		this.browser.go("/audit?verify=true");
		assertThat(this.browser.text()).contains("审计链完整");
		assertThat(this.browser.scriptErrors()).isEmpty();
	}

	@Test
	void theAuditorSeesTheAuditTrailAndNothingElse() {
		this.browser.signIn("auditor", Api.PASSWORD);

		assertThat(this.browser.path()).startsWith("/audit");
		assertThat(this.browser.find(".ls-nav").getText()).contains("审计日志").contains("修改密码").doesNotContain("攻坚行动");
		assertThat(this.browser.text()).contains("审计链头").contains("导出审计记录").doesNotContain("消息");
		this.browser.screenshot("auditor");
		assertThat(this.browser.scriptErrors()).isEmpty();
		this.browser.go("/campaigns");
		assertThat(this.browser.text()).contains("403");
	}

	@Test
	void anOperatorDoesNotSeeAdministration() {
		this.browser.signIn("operator.wenlv", Api.PASSWORD);

		assertThat(this.browser.text()).contains("您好，魏晨").doesNotContain("用户与角色");
		this.browser.go("/users");
		assertThat(this.browser.text()).contains("403");
	}

}
