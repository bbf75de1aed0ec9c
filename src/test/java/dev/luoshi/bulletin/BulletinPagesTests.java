package dev.luoshi.bulletin;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import dev.luoshi.test.Api;
import dev.luoshi.test.Browser;
import dev.luoshi.test.BrowserTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office downloads last month's supervision bulletin from its desk and a published
 * ranking's bulletin from the ranking page, as Word documents.
 */
@BrowserTest
class BulletinPagesTests {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	@LocalServerPort
	int port;

	Browser office;

	@BeforeEach
	void open() {
		this.office = Browser.open(this.port);
	}

	@AfterEach
	void close() {
		this.office.close();
	}

	@Test
	void theOfficeDownloadsTheMonthsBulletinAndARankingsBulletin() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		this.office.signIn("supervisor", Api.PASSWORD);
		this.office.go("/supervision");
		WebElement form = this.office.find("form.ls-bulletin");
		String action = form.getAttribute("action").replaceFirst("^https?://[^/]+", "");

		List<Object> month = download(action + "?month=" + YearMonth.from(today).minusMonths(1));
		assertThat(month).as("status, type, first bytes").containsExactly(200L, DOCX, "PK");
		assertThat(download(action + "?month=2026-13").get(0)).isEqualTo(400L);

		int quarter = (today.getMonthValue() + 2) / 3;
		if (quarter > 1) {
			this.office.go("/evaluation/schemes/1/rankings/" + today.getYear() + "Q" + (quarter - 1));
			String link = this.office.find("a.ls-bulletin").getAttribute("href").replaceFirst("^https?://[^/]+", "");
			assertThat(download(link)).containsExactly(200L, DOCX, "PK");
		}
		assertThat(this.office.scriptErrors()).as("besides the refused month's 400")
			.allMatch((error) -> error.contains("month=2026-13"));
	}

	/**
	 * Fetches a document as the signed-in page would: status, content type, first bytes.
	 */
	private List<Object> download(String path) {
		return (List<Object>) this.office.driver()
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch(arguments[0], {credentials: 'same-origin'}).then(async (r) => {"
					+ "const bytes = new Uint8Array(await r.arrayBuffer());"
					+ "done([r.status, (r.headers.get('content-type') || '').split(';')[0],"
					+ " String.fromCharCode(bytes[0] || 0, bytes[1] || 0)]); })"
					+ ".catch((e) => done([0, String(e), '']));", path);
	}

}
