package dev.luoshi.web;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;
import dev.luoshi.shared.FileStore;
import dev.luoshi.test.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page sessions: kept in the database, ended after thirty idle minutes, and gone for good
 * when one signs out, so that a copied session cookie opens nothing afterwards. And what
 * a signed-in browser cannot reach: uploaded files other than through the checks of the
 * module that owns them.
 */
@DatabaseTest
class PageSessionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStore files;

	String username;

	@BeforeEach
	void createUser() {
		Fixtures fixtures = new Fixtures(new Api(this.port).asAdmin());
		this.username = fixtures.user(fixtures.unit("区数据局", "DEPARTMENT", null), "UNIT_OPERATOR");
	}

	@Test
	void aSessionEndsAfterThirtyIdleMinutes() {
		PageClient browser = new PageClient(this.port);
		assertThat(browser.signIn(this.username, Api.PASSWORD).header("Location")).doesNotContain("error");
		assertThat(browser.get("/units").status()).isEqualTo(200);
		assertThat(sessions()).containsOnly(1800);

		idle(29);
		assertThat(browser.get("/units").status()).as("used within 30 minutes").isEqualTo(200);
		idle(31);
		Api.Response afterIdling = browser.get("/units");

		assertThat(afterIdling.status()).isEqualTo(302);
		assertThat(afterIdling.header("Location")).endsWith("/login");
		assertThat(sessions()).isEmpty();
	}

	@Test
	void signingOutEndsTheSessionAndItsCookieOpensNothingMore() {
		PageClient browser = new PageClient(this.port);
		browser.signIn(this.username, Api.PASSWORD);
		String cookie = browser.cookie("SESSION");
		assertThat(browser.get("/units").status()).isEqualTo(200);

		Api.Response signedOut = browser.post("/logout", Map.of());

		assertThat(signedOut.header("Location")).endsWith("/login?logout");
		assertThat(sessions()).isEmpty();
		Api.Response replayed = new Api(this.port).withHeader("Accept", "text/html")
			.withHeader("Cookie", "SESSION=" + cookie)
			.get("/units");
		assertThat(replayed.status()).isEqualTo(302);
		assertThat(replayed.header("Location")).endsWith("/login");
	}

	@Test
	void uploadedFilesLieOutsideTheWebRootAndAreNotServedAsStaticContent() throws Exception {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0 };
		FileStore.Stored stored = this.files.store("image/png", png.length, new ByteArrayInputStream(png),
				List.of("image/png"), DataSize.ofMegabytes(1));
		Path file = this.files.path(stored.name());
		PageClient browser = new PageClient(this.port);
		browser.signIn(this.username, Api.PASSWORD);

		assertThat(file).exists().hasBinaryContent(png);
		assertThat(file.toAbsolutePath().normalize())
			.startsWith(Path.of("target/test-data/files").toAbsolutePath().normalize());
		for (String path : List.of("/files/" + stored.name(), "/" + stored.name(), "/data/files/" + stored.name(),
				"/test-data/files/" + stored.name(), "/target/test-data/files/" + stored.name())) {
			assertThat(browser.get(path).status()).as(path).isEqualTo(404);
		}
		this.files.delete(stored.name());
	}

	private List<Integer> sessions() {
		return this.jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
			.param(this.username)
			.query(Integer.class)
			.list();
	}

	/**
	 * Makes the user's sessions look as if they had not been used for so many minutes.
	 */
	private void idle(int minutes) {
		this.jdbc
			.sql("update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ? "
					+ "where principal_name = ?")
			.params(minutes * 60_000L, minutes * 60_000L, this.username)
			.update();
	}

}
