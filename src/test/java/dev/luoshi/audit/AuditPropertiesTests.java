package dev.luoshi.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeping the trail: at least six months (Cybersecurity Law art. 21) by a setting that
 * refuses to start with less, no code that deletes or rewrites an event, and the external
 * anchor off unless configured.
 */
class AuditPropertiesTests {

	private static final Pattern ALTERS_EVENTS = Pattern.compile(
			"(delete\\s+from|update|truncate(\\s+table)?|drop\\s+table|alter\\s+table)\\s+audit_event\\b",
			Pattern.CASE_INSENSITIVE);

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void retentionIsSixMonthsUnlessSetLongerAndStartUpRefusesLess() {
		this.context.run((started) -> assertThat(started.getBean(AuditProperties.class).retention())
			.isEqualTo(Duration.ofDays(180)));
		this.context.withPropertyValues("luoshi.audit.retention=1095d")
			.run((started) -> assertThat(started.getBean(AuditProperties.class).retention())
				.isEqualTo(Duration.ofDays(1095)));
		this.context.withPropertyValues("luoshi.audit.retention=90d")
			.run((failed) -> assertThat(failed).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("at least 180 days"));
	}

	@Test
	void theAnchorIsOffUnlessADirectoryOrAnAddressIsSet() {
		this.context.run((started) -> assertThat(started.getBean(AuditProperties.class).anchor().enabled()).isFalse());
		this.context.withPropertyValues("luoshi.audit.anchor.dir=/var/lib/luoshi-anchors")
			.run((started) -> assertThat(started.getBean(AuditProperties.class).anchor().enabled()).isTrue());
	}

	@Test
	void noCodeDeletesOrRewritesAnAuditEvent() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources"))) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					if (ALTERS_EVENTS.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
						.find()) {
						found.add(file.toString());
					}
				}
			}
		}

		assertThat(ALTERS_EVENTS.matcher("delete from audit_event where seq < 10").find()).isTrue();
		assertThat(ALTERS_EVENTS.matcher("update audit_head set last_seq = 1").find()).isFalse();
		assertThat(found).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AuditProperties.class)
	static class Settings {

	}

}
