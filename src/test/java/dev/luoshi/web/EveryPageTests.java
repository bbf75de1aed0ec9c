package dev.luoshi.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import dev.luoshi.test.Api;
import dev.luoshi.test.Browser;
import dev.luoshi.test.BrowserTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the navigation, as the office and as a street's liaison sees it: it opens
 * without an error or a script error, and every light says what it is in words (for
 * colour-blind readers and black-and-white print). The liaison's pages fit a phone 375 px
 * wide.
 */
@BrowserTest
class EveryPageTests {

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
	void everyPageOfTheOfficeOpensWithoutErrorsAndItsLightsSayTheirColour() {
		this.browser.signIn("supervisor", Api.PASSWORD);

		List<String> problems = new ArrayList<>();
		for (String path : navigation()) {
			this.browser.go(path);
			String text = this.browser.text();
			if (text.contains("Whitelabel") || text.contains("服务器内部错误") || text.contains("Internal Server Error")) {
				problems.add(path + ": an error page");
			}
			this.browser.scriptErrors().forEach((error) -> problems.add(path + ": " + error));
			for (WebElement light : this.browser.findAll(".ls-light")) {
				if (!light.getText().matches(".*[\\p{IsHan}A-Za-z].*")) {
					problems.add(path + ": a light without words: \"" + light.getText() + "\"");
				}
			}
		}

		assertThat(problems).isEmpty();
	}

	@Test
	void aStreetsLiaisonWorksOnAPhone() {
		this.browser.driver().manage().window().setSize(new Dimension(375, 812));
		this.browser.signIn("operator.jiangbin", Api.PASSWORD);

		List<String> problems = new ArrayList<>();
		for (String path : navigation()) {
			this.browser.go(path);
			Number overflow = (Number) this.browser.driver()
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			if (overflow.intValue() > 1) {
				problems.add(path + ": " + overflow + " px wider than the phone");
			}
		}
		this.browser.go("/todo");
		List<WebElement> tasks = this.browser.findAll("a[href*='/tasks/']");
		assertThat(tasks).as("the liaison's tasks").isNotEmpty();
		this.browser.go(tasks.get(0).getAttribute("href").replaceFirst("^https?://[^/]+", ""));
		assertThat(this.browser.findAll("form[action*='/reports'] textarea, form[action*='/reports'] input"))
			.as("the report form")
			.isNotEmpty();
		Number overflow = (Number) this.browser.driver()
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).as("the task page on a phone").isLessThanOrEqualTo(1);
		assertThat(problems).isEmpty();
		this.browser.screenshot("phone-task");
	}

	@Test
	void theKeyboardAloneSignsInAndFilesAReport() {
		this.browser.go("/login");
		// typed into the user name field, Tab moves on, Enter submits
		this.browser.field("username").sendKeys("operator.jiangbin" + Keys.TAB + Api.PASSWORD + Keys.ENTER);
		new org.openqa.selenium.support.ui.WebDriverWait(this.browser.driver(), java.time.Duration.ofSeconds(10))
			.until((driver) -> !this.browser.path().startsWith("/login"));
		this.browser.go("/todo");
		String task = this.browser.findAll("a[href*='/tasks/']")
			.get(0)
			.getAttribute("href")
			.replaceFirst("^https?://[^/]+", "");
		this.browser.go(task);
		WebElement first = this.browser.find("form[action$='/reports'] input:not([type=hidden]), "
				+ "form[action$='/reports'] select, form[action$='/reports'] textarea");
		this.browser.driver().executeScript("arguments[0].focus();", first);
		List<String> reached = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			WebElement focused = this.browser.driver().switchTo().activeElement();
			reached.add(focused.getTagName() + ":" + focused.getAttribute("type"));
			focused.sendKeys(Keys.TAB);
		}
		assertThat(reached).as("the report form's fields and its button are reached with Tab")
			.anyMatch((element) -> element.startsWith("button:submit"));
	}

	/** The pages the navigation offers the signed-in account, in order. */
	private Set<String> navigation() {
		this.browser.go("/");
		Set<String> paths = new LinkedHashSet<>();
		for (WebElement link : this.browser.driver().findElements(By.cssSelector(".ls-nav a[href]"))) {
			String href = link.getAttribute("href").replaceFirst("^https?://[^/]+", "");
			if (!href.startsWith("/swagger") && !href.isBlank()) {
				paths.add(href);
			}
		}
		assertThat(paths).isNotEmpty();
		return paths;
	}

}
