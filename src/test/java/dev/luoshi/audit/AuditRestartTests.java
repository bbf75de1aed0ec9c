package dev.luoshi.audit;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.luoshi.LuoshiApplication;
import dev.luoshi.test.Api;
import dev.luoshi.test.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain written by one run of the server verifies in the next run on the same
 * database.
 */
@Tag("database")
class AuditRestartTests {

	@Test
	void theChainVerifiesAfterARestart() {
		Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
		properties.put("server.port", "0");
		properties.put("luoshi.admin-password", Api.ADMIN_PASSWORD);
		properties.put("luoshi.demo.password", Api.PASSWORD);
		properties.put("luoshi.data-dir", "target/test-data");
		long events;
		try (ConfigurableApplicationContext first = start(properties)) {
			Api admin = new Api(port(first)).asAdmin();
			admin.post("/api/v1/units", Map.of("code", "RESTART-1", "name", "重启前的单位", "kind", "OTHER"));
			Api.Response verification = admin.get("/api/v1/audit/verify");
			assertThat(verification.json().path("valid").asBoolean()).isTrue();
			events = verification.json().path("events").asLong();
		}
		try (ConfigurableApplicationContext second = start(properties)) {
			Api admin = new Api(port(second)).asAdmin();
			Api.Response verification = admin.get("/api/v1/audit/verify");

			assertThat(verification.json().path("valid").asBoolean()).isTrue();
			assertThat(verification.json().path("events").asLong()).as("the first run's and this sign-in")
				.isEqualTo(events + 1);
			assertThat(events).isGreaterThan(100);
			assertThat(second.getEnvironment().getProperty("spring.datasource.url"))
				.isEqualTo(properties.get("spring.datasource.url"));
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		String[] arguments = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(LuoshiApplication.class).run(arguments);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
