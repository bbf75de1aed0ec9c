package dev.luoshi.evaluation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import dev.luoshi.test.Api;
import dev.luoshi.test.Browser;
import dev.luoshi.test.BrowserTest;
import dev.luoshi.test.Fixtures;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The horse race as people use it: the office writes a scheme in the editor, enters the
 * assessors' scores of two quarters, ranks and publishes them, and a visitor who is not
 * signed in reads the board with who went up and who went down; a unit head asks that a
 * penalty be waived and a second supervisor approves it, which the board shows as 容错免责.
 */
@BrowserTest
class EvaluationPagesTests {

	static final List<String> STREETS = List.of("江滨街道", "老城街道", "新区街道", "青山镇", "桃源镇");

	@LocalServerPort
	int port;

	Browser office;

	Browser other;

	int year;

	@BeforeEach
	void open() {
		this.office = Browser.open(this.port);
		this.other = Browser.open(this.port);
		this.year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
	}

	@AfterEach
	void close() {
		this.office.close();
		this.other.close();
	}

	@Test
	void aSchemeWrittenInTheEditorIsRankedTwiceAndTheBoardShowsTheMovement() {
		String name = "街道赛马比拼 " + Fixtures.unique("T");
		// an economic indicator without figures yet: it does not apply to anyone
		String target = Fixtures.unique("GDP");
		assertThat(new Api(this.port).as("supervisor", Api.PASSWORD)
			.post("/api/v1/indicators", java.util.Map.of("code", target, "name", "地区生产总值（新口径）", "unit", "亿元"))
			.status()).isEqualTo(201);
		this.office.signIn("supervisor", Api.PASSWORD);
		this.office.go("/evaluation");
		this.office.click("a.ls-new-scheme");
		this.office.waitForPath("/evaluation/schemes/new");
		this.office.field("code").sendKeys(Fixtures.unique("KP"));
		this.office.field("name").sendKeys(name);
		this.office.click("input[name=peerGroups][value=STREETS]");
		indicator(0, "ASR", "领导评议", "ASSESSOR_SCORE", "80");
		indicator(1, "GDP", "地区生产总值", "ECONOMIC_TARGET", "20");
		assertThat(this.office.field("indicators[1].target").isDisplayed()).as("the rule of the kind").isTrue();
		assertThat(this.office.field("indicators[0].target").isDisplayed()).isFalse();
		this.office.click(".ls-add-row");
		indicator(3, "SUP", "督办扣分", "SUPERVISION_DEDUCTION", "0");
		this.office.click("#publicBoard1");
		this.office.click("form.ls-scheme-editor button[type=submit]");

		// refused beside the field: the economic indicator names no target, then a weight
		// is not positive
		this.office.waitForText("输入有误");
		assertThat(this.office.text()).contains("经济指标类考核项需指定所考核的指标");
		assertThat(this.office.field("indicators[1].target").isDisplayed()).isTrue();
		this.office.field("indicators[1].target").sendKeys(target);
		this.office.click("form.ls-scheme-editor button[type=submit]");
		this.office.waitForText("指标权重必须为正数");
		assertThat(this.office.find("input[name='indicators[3].weight'] ~ .invalid-feedback").getText())
			.isEqualTo("指标权重必须为正数");
		this.office.click(".ls-indicator-rows tbody tr:nth-child(4) .ls-remove-row");
		assertThat(this.office.findAll("input[value=SUP]")).isEmpty();
		this.office.click("form.ls-scheme-editor button[type=submit]");
		this.office.waitForText("方案“" + name + "”已保存");
		WebElement card = this.office.driver().findElement(By.xpath("//article[.//h2[text()='" + name + "']]"));
		assertThat(card.getText()).contains("街道（乡镇）").contains("领导评议").contains("评议打分").contains("公开晾晒");
		String edit = card.findElement(By.linkText("修改方案")).getAttribute("href");
		long scheme = Long.parseLong(edit.replaceAll(".*/schemes/(\\d+)/edit", "$1"));

		String q3 = this.year + "Q3";
		String q4 = this.year + "Q4";
		this.office.go("/evaluation/schemes/" + scheme + "/scores?period=" + q3);
		scores(List.of("90", "85", "80", "75", "120"));
		this.office.waitForText("评分均未保存");
		assertThat(this.office.find("input.is-invalid").getAttribute("value")).isEqualTo("120");
		scores(List.of("90", "85", "80", "75", "70"));
		this.office.waitForText("已保存 5 项评分");

		this.office.go("/evaluation/schemes/" + scheme + "/rankings/" + q3);
		assertThat(this.office.text()).contains("尚未计算本期排名");
		this.office.click("form.ls-compute button");
		this.office.waitForText("排名已计算");
		assertThat(rankOf("江滨街道")).startsWith("1").contains("新");
		publish();

		this.office.go("/evaluation/schemes/" + scheme + "/scores?period=" + q4);
		scores(List.of("70", "90", "80", "85", "60"));
		this.office.waitForText("已保存 5 项评分");
		this.office.go("/evaluation/schemes/" + scheme + "/rankings/" + q4);
		this.office.click("form.ls-compute button");
		this.office.waitForText("排名已计算");
		assertThat(rankOf("老城街道")).startsWith("1").contains("▲1").contains("进1位");
		assertThat(rankOf("青山镇")).startsWith("2").contains("进2位");
		assertThat(rankOf("新区街道")).startsWith("3").contains("持平");
		assertThat(rankOf("江滨街道")).startsWith("4").contains("▼3").contains("退3位");
		WebElement row = row("老城街道");
		expand(this.office, row);
		assertThat(row.getText()).contains("领导评议").contains("地区生产总值").contains("不适用");
		this.office.waitFor(".ls-chart[data-chart-ready]");
		this.office.screenshot("evaluation-ranking");
		publish();

		// a published quarter is frozen
		this.office.go("/evaluation/schemes/" + scheme + "/rankings/" + q3);
		this.office.click("form.ls-compute button");
		this.office.waitForText("的排名已发布，如需重算请先撤回发布");
		assertThat(this.office.scriptErrors()).isEmpty();

		// the year graded from its two quarters: 30% of five rounds to two 优秀, 老城街道
		// (85, 90 → 87.50) and, of the three at 80.00, 青山镇 with the best latest quarter
		this.office.go("/evaluation/schemes/" + scheme + "/annual/" + this.year);
		assertThat(this.office.text()).contains("尚未进行年终考核");
		this.office.driver().executeScript("window.confirm = () => true");
		this.office.click("form.ls-assess button");
		this.office.waitForText("年终考核已完成");
		assertThat(this.office.find(".ls-annual tbody tr").getText()).contains("老城街道").contains("87.50").contains("优秀");
		assertThat(this.office.findAll(".ls-annual tbody tr").get(1).getText()).contains("青山镇")
			.contains("80.00")
			.contains("优秀");
		assertThat(this.office.findAll(".ls-grade-EXCELLENT")).hasSize(2);

		this.office.go("/evaluation/schemes/" + scheme + "/edit");
		assertThat(this.office.field("code").getAttribute("readonly")).isNotNull();
		assertThat(this.office.field("indicators[1].target").getAttribute("value")).isEqualTo(target);
		assertThat(this.office.find("input[name=peerGroups][value=STREETS]").isSelected()).isTrue();

		// the board, for someone who is not signed in
		this.other.go("/board");
		assertThat(this.other.path()).isEqualTo("/board");
		WebElement board = this.other.driver().findElement(By.xpath("//article[.//h2[contains(., '" + name + "')]]"));
		assertThat(board.getText()).contains(q4)
			.contains("老城街道")
			.contains("进1位")
			.contains("退3位")
			.doesNotContain("发布晾晒")
			.doesNotContain("重新计算");
		assertThat(this.other.text()).contains("登录").doesNotContain("督办台");
		this.other.go("/board/" + scheme + "/" + q3);
		assertThat(this.other.text()).contains(name).contains(q3);
		this.other.screenshot("evaluation-board");
		assertThat(this.other.scriptErrors()).isEmpty();
		Api anonymous = new Api(this.port);
		assertThat(anonymous.get("/board/" + scheme + "/" + this.year + "Q2").status()).as("not ranked").isEqualTo(404);
		this.other.go("/evaluation/schemes/" + scheme + "/rankings/" + q4);
		assertThat(this.other.path()).as("the office's pages need a sign-in").startsWith("/login");
	}

	@Test
	void aUnitHeadAsksForAnExemptionAndAnotherSupervisorApprovesIt() {
		Api admin = new Api(this.port).asAdmin();
		Api supervisor = new Api(this.port).as("supervisor", Api.PASSWORD);
		String name = "部门考评 " + Fixtures.unique("T");
		long scheme = supervisor
			.post("/api/v1/schemes",
					Map.of("code", Fixtures.unique("BM"), "name", name, "year", this.year, "peerGroups",
							List.of("DEPARTMENTS"), "publicBoard", true, "indicators",
							List.of(Map.of("code", "ASR", "name", "群众评议", "kind", "ASSESSOR_SCORE", "weight", 100))))
			.id();
		long office = admin.get("/api/v1/units?q=" + URLEncoder.encode("督查室", StandardCharsets.UTF_8))
			.json()
			.path("items")
			.get(0)
			.path("id")
			.asLong();
		String secondSupervisor = new Fixtures(admin).user(office, "SUPERVISOR");
		String period = this.year + "Q4";

		this.office.signIn("supervisor", Api.PASSWORD);
		this.office.go("/evaluation/adjustments?schemeId=" + scheme);
		new Select(this.office.field("unitId")).selectByVisibleText("区文化和旅游局");
		new Select(this.office.field("kind")).selectByValue("PENALTY");
		this.office.field("points").sendKeys("5");
		this.office.field("period").clear();
		this.office.field("period").sendKeys(period);
		this.office.field("reason").sendKeys("景区安全检查发现消防隐患");
		this.office.field("evidence").sendKeys("临督查〔2026〕8号");
		this.office.click("form.ls-record-item button[type=submit]");
		this.office.waitForText("加减分项已记录");
		assertThat(this.office.find(".ls-items").getText()).contains("区文化和旅游局").contains("景区安全检查发现消防隐患");

		this.other.signIn("head.wenlv", Api.PASSWORD);
		this.other.go("/evaluation/adjustments?schemeId=" + scheme);
		assertThat(this.other.text()).contains("本单位的加减分项").doesNotContain("记录加减分");
		this.other.find("form.ls-request-exemption input[name=reason]").sendKeys("隐患系暴雨所致，已当日整改，符合容错情形");
		this.other.click("form.ls-request-exemption button");
		this.other.waitForText("容错免责申请已提交");
		assertThat(this.other.find(".ls-items").getText()).contains("待审批");

		Browser second = Browser.open(this.port);
		try {
			second.signIn(secondSupervisor, Api.PASSWORD);
			second.go("/evaluation/adjustments?schemeId=" + scheme);
			assertThat(second.find(".ls-pending").getText()).contains("隐患系暴雨所致");
			second.find("form.ls-decide input[name=comment]").sendKeys("经核实符合容错免责情形");
			second.click("form.ls-decide button[value=true]");
			second.waitForText("已批准容错免责");
			assertThat(second.find(".ls-items").getText()).contains("已免责");
			assertThat(second.text()).contains("已审批的申请").contains("经核实符合容错免责情形");
			assertThat(second.scriptErrors()).isEmpty();
		}
		finally {
			second.close();
		}
		this.other.go("/evaluation/adjustments?schemeId=" + scheme);
		assertThat(this.other.find(".ls-items").getText()).contains("已免责");

		// who asked may not decide: a supervisor who asked on a unit's behalf is told so
		long own = supervisor
			.post("/api/v1/adjustments", Map.of("schemeId", scheme, "unitId", unit(supervisor, scheme), "period",
					period, "kind", "PENALTY", "points", 2, "reason", "信息报送迟报"))
			.id();
		assertThat(supervisor.post("/api/v1/exemptions", Map.of("adjustmentId", own, "reason", "代为申请")).status())
			.isEqualTo(201);
		this.office.go("/evaluation/adjustments?schemeId=" + scheme);
		assertThat(this.office.find(".ls-pending").getText()).contains("代为申请")
			.contains("本人提出的申请，须由其他督查人员审批")
			.doesNotContain("不予批准");

		long ranking = supervisor.post("/api/v1/schemes/" + scheme + "/rankings", Map.of("period", period)).id();
		assertThat(supervisor.post("/api/v1/rankings/" + ranking + "/publish", Map.of()).status()).isEqualTo(200);
		Browser visitor = Browser.open(this.port);
		try {
			visitor.go("/board/" + scheme + "/" + period);
			WebElement row = visitor.driver()
				.findElement(By.xpath("//tr[td[contains(@class, 'ls-rank-unit') and text()='区文化和旅游局']]"));
			expand(visitor, row);
			assertThat(row.getText()).contains("景区安全检查发现消防隐患").contains("容错免责");
			visitor.screenshot("evaluation-board-exemption");
		}
		finally {
			visitor.close();
		}
	}

	private long unit(Api supervisor, long scheme) {
		return supervisor.get("/api/v1/adjustments?schemeId=" + scheme).json().get(0).path("unitId").asLong();
	}

	/** Opens a row's breakdown as a person would, by its summary. */
	private static void expand(Browser browser, WebElement row) {
		WebElement summary = row.findElement(By.tagName("summary"));
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", summary);
		summary.click();
	}

	private void indicator(int row, String code, String name, String kind, String weight) {
		this.office.field("indicators[" + row + "].code").sendKeys(code);
		this.office.field("indicators[" + row + "].name").sendKeys(name);
		new Select(this.office.field("indicators[" + row + "].kind")).selectByValue(kind);
		this.office.field("indicators[" + row + "].weight").sendKeys(weight);
	}

	/** Types the streets' scores in their order and saves them. */
	private void scores(List<String> values) {
		for (int i = 0; i < STREETS.size(); i++) {
			WebElement input = this.office.find("input[aria-label='" + STREETS.get(i) + " 领导评议']");
			input.clear();
			input.sendKeys(values.get(i));
		}
		this.office.click("form.ls-scores button[type=submit]");
	}

	private void publish() {
		this.office.driver().executeScript("window.confirm = () => true");
		this.office.click("form.ls-publish button");
		this.office.waitForText("排名已发布");
	}

	private WebElement row(String unit) {
		return this.office.driver()
			.findElement(By.xpath("//tr[td[contains(@class, 'ls-rank-unit') and text()='" + unit + "']]"));
	}

	/** The row of a unit: rank, name, score, movement. */
	private String rankOf(String unit) {
		return row(unit).getText();
	}

}
