package dev.luoshi.identity;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.PageClient;
import dev.luoshi.test.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code luoshi.identity.password-max-age} set, a password older than that signs in
 * nowhere until it is changed: the token endpoint and the login form say so, and the
 * password is changed with the old one, without a token.
 */
@DatabaseTest
@TestPropertySource(properties = "luoshi.identity.password-max-age=90d")
class PasswordExpiryTests {

	private static final String NEW_PASSWORD = "Renewed-Passw0rd-2026";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	Api anonymous;

	String username;

	@BeforeEach
	void createUser() {
		this.anonymous = new Api(this.port);
		Fixtures fixtures = new Fixtures(this.anonymous.asAdmin());
		this.username = fixtures.user(fixtures.unit("区人社局", "DEPARTMENT", null), "UNIT_OPERATOR");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aPasswordWorksUntilItsMaximumAge() {
		this.clock.advance(Duration.ofDays(89));

		assertThat(token(this.username, Api.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void anExpiredPasswordGetsNoTokenUntilItIsChangedWithTheOldOne() {
		this.clock.advance(Duration.ofDays(91));

		Api.Response refused = token(this.username, Api.PASSWORD);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("type").asString()).endsWith("/password-expired");
		assertThat(refused.json().path("detail").asString()).contains("密码已超过有效期");
		assertThat(refused.json().path("changePassword").asString()).isEqualTo("/api/v1/auth/password");
		assertThat(token(this.username, "Wrong-Passw0rd-1").json().path("type").asString())
			.as("a wrong password is not told that it has expired")
			.endsWith("/bad-credentials");

		Api.Response wrongOld = change(this.username, "Wrong-Passw0rd-1", NEW_PASSWORD);
		Api.Response same = change(this.username, Api.PASSWORD, Api.PASSWORD);
		Api.Response weak = change(this.username, Api.PASSWORD, "weak");
		Api.Response changed = change(this.username, Api.PASSWORD, NEW_PASSWORD);

		assertThat(wrongOld.status()).isEqualTo(401);
		assertThat(same.status()).isEqualTo(400);
		assertThat(same.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(changed.status()).isEqualTo(204);
		assertThat(token(this.username, NEW_PASSWORD).status()).isEqualTo(200);
		assertThat(token(this.username, Api.PASSWORD).status()).isEqualTo(401);
		assertThat(this.jdbc
			.sql("select actor from audit_event where entity_type = 'user' and action = 'PASSWORD_CHANGED' "
					+ "and entity_id = (select cast(id as varchar(20)) from account where username = ?)")
			.param(this.username)
			.query(String.class)
			.list()).as("the change is audited as the account's own").containsExactly(this.username);
	}

	@Test
	void wrongOldPasswordsWhenChangingCountTowardsTheLockout() {
		this.clock.advance(Duration.ofDays(91));
		for (int i = 0; i < 5; i++) {
			change(this.username, "Wrong-Passw0rd-" + i, NEW_PASSWORD);
		}

		assertThat(change(this.username, Api.PASSWORD, NEW_PASSWORD).status()).isEqualTo(423);
	}

	@Test
	void theLoginFormSendsAnExpiredPasswordToThePasswordPage() {
		this.clock.advance(Duration.ofDays(91));
		PageClient browser = new PageClient(this.port);

		Api.Response refused = browser.signIn(this.username, Api.PASSWORD);
		assertThat(refused.header("Location")).endsWith("/login?expired");
		assertThat(browser.get("/login?expired").text()).contains("密码已超过有效期").contains("href=\"/password\"");

		assertThat(browser.get("/password").status()).isEqualTo(200);
		Api.Response mismatch = browser.post("/password", Map.of("username", this.username, "oldPassword", Api.PASSWORD,
				"newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD + "x"));
		assertThat(mismatch.header("Location")).endsWith("/password");
		assertThat(browser.get("/password").text()).contains("两次输入的新密码不一致");
		Api.Response changed = browser.post("/password", Map.of("username", this.username, "oldPassword", Api.PASSWORD,
				"newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		assertThat(changed.header("Location")).endsWith("/login?changed");

		Api.Response signedIn = browser.signIn(this.username, NEW_PASSWORD);
		assertThat(signedIn.header("Location")).doesNotContain("/login");
		assertThat(browser.get("/units").status()).isEqualTo(200);
	}

	private Api.Response token(String username, String password) {
		return this.anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", password));
	}

	private Api.Response change(String username, String oldPassword, String newPassword) {
		return this.anonymous.post("/api/v1/auth/password",
				Map.of("username", username, "oldPassword", oldPassword, "newPassword", newPassword));
	}

}
