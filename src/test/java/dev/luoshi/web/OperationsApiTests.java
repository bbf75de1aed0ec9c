package dev.luoshi.web;

import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DatabaseTest
class OperationsApiTests {

	@LocalServerPort
	int port;

	@Test
	void healthIsUpAndMetricsAreExposed() {
		Api anonymous = new Api(this.port);

		assertThat(anonymous.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
		assertThat(anonymous.get("/actuator/prometheus").text()).contains("jvm_memory_used_bytes");
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		Api.Response document = new Api(this.port).get("/v3/api-docs");

		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().path("paths").has("/api/v1/units")).isTrue();
		assertThat(document.json().path("paths").has("/api/v1/auth/token")).isTrue();
		assertThat(new Api(this.port).get("/swagger-ui.html").status()).isIn(200, 302);
	}

	@Test
	void responsesCarrySecurityHeaders() {
		Api.Response response = new Api(this.port).get("/login");

		assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
			.contains("script-src 'self'");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void pagesAskForTheLoginFormAndCsrfGuardsForms() {
		Api browser = new Api(this.port).withHeader("Accept", "text/html");

		Api.Response page = browser.get("/units");
		Api.Response forged = browser.postRaw("/units", "application/x-www-form-urlencoded",
				"code=X&name=x&kind=OTHER");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login");
		assertThat(forged.status()).isIn(302, 403);
	}

}
