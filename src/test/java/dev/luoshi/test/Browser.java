package dev.luoshi.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's, with its driver) driving the pages as a person would.
 * Screenshots are kept under {@code target/screenshots} as test artefacts.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final String base;

	private Browser(ChromeDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	/**
	 * Starts Chromium; outside CI a machine without it skips browser tests, in CI
	 * ({@code CI=true}) its absence fails them.
	 */
	public static Browser open(int port) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!installed && System.getenv("CI") == null) {
			Assumptions.abort("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900", "--lang=zh-CN", "--user-data-dir=" + temporaryProfile());
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
		return new Browser(driver, "http://localhost:" + port);
	}

	private static String temporaryProfile() {
		try {
			return Files.createTempDirectory("luoshi-chromium").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Browser go(String path) {
		this.driver.get(this.base + path);
		return this;
	}

	public Browser signIn(String username, String password) {
		go("/login");
		field("username").sendKeys(username);
		field("password").sendKeys(password);
		click("form button[type=submit]");
		// signed in (or refused, /login?error) once the browser has left the form
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).until((driver) -> !path().equals("/login"));
		return this;
	}

	/** Clicks an element as a person would, after scrolling it into view. */
	public Browser click(String css) {
		return click(find(css));
	}

	/** Clicks the link with exactly this text, after scrolling it into view. */
	public Browser clickLink(String text) {
		return click(this.driver.findElement(By.linkText(text)));
	}

	private Browser click(WebElement element) {
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
		return this;
	}

	/**
	 * Waits (up to 10 s) until the browser shows a page whose path contains this text.
	 */
	public Browser waitForPath(String part) {
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).until((driver) -> path().contains(part));
		return this;
	}

	/** Waits (up to 10 s) until the page shows this text. */
	public Browser waitForText(String text) {
		// a page being replaced answers "stale element" or "node does not belong to the
		// document": asked again, it answers for the new page
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.WebDriverException.class)
			.until((driver) -> text().contains(text));
		return this;
	}

	/**
	 * Waits (up to 10 s) until an element matches the selector, e.g. a chart once drawn.
	 */
	public Browser waitFor(String css) {
		new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until((driver) -> !driver.findElements(By.cssSelector(css)).isEmpty());
		return this;
	}

	public WebElement field(String name) {
		return this.driver.findElement(By.name(name));
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/** The page's text; read again if the page was replaced while it was read. */
	public String text() {
		for (int attempt = 1;; attempt++) {
			try {
				return this.driver.findElement(By.tagName("body")).getText();
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	public String path() {
		return this.driver.getCurrentUrl().substring(this.base.length());
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Errors the page's scripts raised, as the browser console shows them. */
	public List<String> scriptErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter((message) -> !message.contains("favicon.ico"))
			.toList();
	}

	public void screenshot(String name) {
		try {
			Path directory = Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(directory.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
