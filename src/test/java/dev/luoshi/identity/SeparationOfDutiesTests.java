package dev.luoshi.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.PageClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 三员分立: the administrator (ADMIN) manages accounts and settings, the supervision office
 * (SUPERVISOR) runs the business, the auditor (AUDITOR) reads, verifies and exports the
 * audit trail and does nothing else; no account is both administrator and auditor.
 */
@DatabaseTest
class SeparationOfDutiesTests {

	@LocalServerPort
	int port;

	Api anonymous;

	Api admin;

	Fixtures fixtures;

	long unit;

	@BeforeEach
	void signIn() {
		this.anonymous = new Api(this.port);
		this.admin = this.anonymous.asAdmin();
		this.fixtures = new Fixtures(this.admin);
		this.unit = this.fixtures.unit("区审计局", "DEPARTMENT", null);
	}

	@Test
	void anAuditorHoldsNoOtherRole() {
		for (List<String> roles : List.of(List.of("ADMIN", "AUDITOR"), List.of("AUDITOR", "SUPERVISOR"),
				List.of("VIEWER", "AUDITOR"))) {
			Api.Response refused = this.admin.post("/api/v1/users", Map.of("username", Fixtures.unique("aud"),
					"password", Api.PASSWORD, "displayName", "审计员", "unitId", this.unit, "roles", roles));

			assertThat(refused.status()).as(roles.toString()).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("roles");
			assertThat(refused.json().path("detail").asString()).contains("三员分立");
		}
		long auditor = me(this.fixtures.user(this.unit, "AUDITOR")).path("id").asLong();
		Api.Response promoted = this.admin.patch("/api/v1/users/" + auditor,
				Map.of("roles", List.of("AUDITOR", "ADMIN"), "version", 0));
		assertThat(promoted.status()).isEqualTo(400);
		assertThat(promoted.json().path("errors").get(0).path("field").asString()).isEqualTo("roles");
	}

	@Test
	void anAdministratorCannotMakeItselfAnAuditor() {
		String username = this.fixtures.user(this.unit, "ADMIN");
		Api other = this.anonymous.as(username, Api.PASSWORD);
		var account = me(username);

		Api.Response refused = other.patch("/api/v1/users/" + account.path("id").asLong(),
				Map.of("roles", List.of("AUDITOR"), "version", account.path("version").asInt()));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("detail").asString()).contains("审计员");
		assertThat(me(username).path("roles").get(0).asString()).isEqualTo("ADMIN");
		Api.Response byAnother = this.admin.patch("/api/v1/users/" + account.path("id").asLong(),
				Map.of("roles", List.of("AUDITOR"), "version", account.path("version").asInt()));
		assertThat(byAnother.status()).as("another administrator may appoint the auditor").isEqualTo(200);
	}

	@Test
	void theAuditorReadsVerifiesAndExportsTheTrail() {
		Api auditor = this.anonymous.as(this.fixtures.user(this.unit, "AUDITOR"), Api.PASSWORD);

		assertThat(auditor.get("/api/v1/audit").status()).isEqualTo(200);
		assertThat(auditor.get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
		assertThat(auditor.get("/api/v1/audit/anchor").json().path("digest").asString()).hasSize(64);
		assertThat(auditor.get("/api/v1/audit/export?format=jsonl").status()).isEqualTo(200);
		assertThat(auditor.get("/api/v1/users/me").json().path("roles").get(0).asString()).isEqualTo("AUDITOR");
	}

	@Test
	void theAuditorDoesNothingElse() {
		Api auditor = this.anonymous.as(this.fixtures.user(this.unit, "AUDITOR"), Api.PASSWORD);

		for (String path : List.of("/api/v1/units", "/api/v1/people", "/api/v1/users", "/api/v1/campaigns",
				"/api/v1/tasks", "/api/v1/projects", "/api/v1/notices", "/api/v1/inbox", "/api/v1/indicators",
				"/api/v1/calendar/working-days?from=2026-01-01&to=2026-01-31")) {
			Api.Response refused = auditor.get(path);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(
				auditor.post("/api/v1/units", Map.of("code", Fixtures.unique("U"), "name", "审计员建的单位", "kind", "OTHER"))
					.status())
			.isEqualTo(403);
		assertThat(auditor
			.post("/api/v1/users", Map.of("username", Fixtures.unique("x"), "password", Api.PASSWORD, "displayName",
					"x", "unitId", this.unit, "roles", List.of("ADMIN")))
			.status()).isEqualTo(403);
	}

	@Test
	void theAuditorsPagesAreTheAuditTrailOnly() {
		String username = this.fixtures.user(this.unit, "AUDITOR");
		PageClient browser = new PageClient(this.port);

		assertThat(browser.signIn(username, Api.PASSWORD).header("Location")).endsWith("/audit");
		Api.Response audit = browser.get("/audit");
		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.text()).contains("导出审计记录").contains("审计链头").doesNotContain("href=\"/campaigns\"");
		assertThat(browser.get("/audit/export?format=csv").status()).isEqualTo(200);
		assertThat(browser.get("/password").status()).isEqualTo(200);
		for (String path : List.of("/", "/units", "/users", "/campaigns", "/supervision", "/calendar")) {
			assertThat(browser.get(path).status()).as(path).isEqualTo(403);
		}
	}

	@Test
	void onlyTheAuditorExportsAndNobodyElseGainsTheTrail() {
		Api supervisor = this.anonymous.as(this.fixtures.user(this.unit, "SUPERVISOR"), Api.PASSWORD);
		Api operator = this.anonymous.as(this.fixtures.user(this.unit, "UNIT_OPERATOR"), Api.PASSWORD);
		Api viewer = this.anonymous.as(this.fixtures.user(this.unit, "VIEWER"), Api.PASSWORD);

		assertThat(this.admin.get("/api/v1/audit/export").status()).isEqualTo(403);
		assertThat(supervisor.get("/api/v1/audit/export").status()).isEqualTo(403);
		assertThat(this.admin.get("/api/v1/audit/anchor").status()).isEqualTo(200);
		assertThat(supervisor.get("/api/v1/audit").status()).isEqualTo(200);
		for (Api other : List.of(operator, viewer)) {
			assertThat(other.get("/api/v1/audit").status()).isEqualTo(403);
			assertThat(other.get("/api/v1/audit/anchor").status()).isEqualTo(403);
			assertThat(other.get("/api/v1/audit/export").status()).isEqualTo(403);
		}
	}

	private tools.jackson.databind.JsonNode me(String username) {
		return this.anonymous.as(username, Api.PASSWORD).get("/api/v1/users/me").json();
	}

}
