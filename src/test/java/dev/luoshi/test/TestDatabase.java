package dev.luoshi.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's application at the database the build chose with
 * {@code luoshi.test.database}: a fresh in-memory H2 (in PostgreSQL mode, as in
 * production's embedded default) or a real PostgreSQL started from the embedded
 * distribution, one server per test JVM.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	public static String kind() {
		return System.getProperty("luoshi.test.database", "h2");
	}

	public static boolean postgresql() {
		return "postgresql".equals(kind());
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("luoshi-test-database", properties()));
	}

	/** The datasource settings of a new, empty database. */
	public static Map<String, Object> properties() {
		String name = "luoshi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (postgresql()) {
			EmbeddedPostgres server = server();
			try (var connection = server.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("create database " + name);
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
			return Map.of("spring.datasource.url", server.getJdbcUrl("postgres", name), "spring.datasource.username",
					"postgres", "spring.datasource.password", "");
		}
		return Map.of("spring.datasource.url",
				"jdbc:h2:mem:" + name
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"spring.datasource.username", "sa", "spring.datasource.password", "");
	}

	/** The one PostgreSQL server of this JVM; its shutdown hook stops it. */
	public static synchronized EmbeddedPostgres server() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return postgres;
	}

}
