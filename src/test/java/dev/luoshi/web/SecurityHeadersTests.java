package dev.luoshi.web;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers that keep a browser safe with Luoshi's pages and API: a script policy that
 * allows no inline script, no framing, no type sniffing, and HSTS whenever the request
 * came over TLS, also when a trusted reverse proxy terminated it.
 */
@DatabaseTest
class SecurityHeadersTests {

	@LocalServerPort
	int port;

	@Test
	void pagesAndTheApiSendAScriptPolicyWithoutInlineScriptsAndRefuseFraming() {
		Api anonymous = new Api(this.port);
		for (Api.Response response : new Api.Response[] { anonymous.get("/login"),
				anonymous.asAdmin().get("/api/v1/units"), anonymous.get("/api/v1/units") }) {
			String policy = response.header("Content-Security-Policy");
			assertThat(directive(policy, "script-src")).as(policy).isEqualTo("script-src 'self'");
			assertThat(directive(policy, "default-src")).isEqualTo("default-src 'self'");
			assertThat(directive(policy, "object-src")).isEqualTo("object-src 'none'");
			assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
			assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
		}
	}

	@Test
	void hstsIsSentOnlyWhenTheRequestCameOverTls() {
		Api.Response plain = new Api(this.port).get("/login");
		Api.Response forwarded = new Api(this.port).withHeader("X-Forwarded-Proto", "https").get("/login");
		Api.Response forwardedApi = new Api(this.port).withHeader("X-Forwarded-Proto", "https").get("/api/v1/units");

		assertThat(plain.header("Strict-Transport-Security")).isNull();
		assertThat(forwarded.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
		assertThat(forwardedApi.header("Strict-Transport-Security")).startsWith("max-age=31536000");
	}

	@Test
	void aRequestForwardedAsHttpsIsRedirectedWithinHttps() {
		Api.Response page = new Api(this.port).withHeader("Accept", "text/html")
			.withHeader("X-Forwarded-Proto", "https")
			.withHeader("X-Forwarded-Host", "luoshi.example.gov.cn")
			.get("/units");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).startsWith("https://luoshi.example.gov.cn").endsWith("/login");
	}

	private static String directive(String policy, String name) {
		return Arrays.stream(policy.split(";"))
			.map(String::strip)
			.filter((directive) -> directive.startsWith(name + " "))
			.findFirst()
			.orElse(null);
	}

}
