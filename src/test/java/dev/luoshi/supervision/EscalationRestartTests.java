package dev.luoshi.supervision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.luoshi.LuoshiApplication;
import dev.luoshi.test.Api;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation rules after time has passed: the server runs on Monday 2026-03-16, is
 * stopped, and runs again on the same data with its clock on Thursday 2026-03-19.
 */
@Tag("database")
class EscalationRestartTests {

	@Test
	void theRulesRaiseTheNextLevelForWhoDidNotAnswerAndNothingTwice() {
		Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
		properties.put("server.port", "0");
		properties.put("luoshi.admin-password", Api.ADMIN_PASSWORD);
		properties.put("luoshi.demo.enabled", "false");
		properties.put("luoshi.data-dir", "target/test-data");
		properties.put("luoshi.clock.fixed", "2026-03-16T09:00:00+08:00");
		long silent;
		long answering;
		long builder;
		String supervisorName;
		try (ConfigurableApplicationContext monday = start(properties)) {
			Api admin = new Api(port(monday)).asAdmin();
			Fixtures fixtures = new Fixtures(admin);
			long district = fixtures.unit("临江区", "REGION", null);
			silent = fixtures.unit("区城管局", "DEPARTMENT", district);
			answering = fixtures.unit("区交通局", "DEPARTMENT", district);
			builder = fixtures.unit("区住建局", "DEPARTMENT", district);
			supervisorName = fixtures.user(district, "SUPERVISOR");
			Api supervisor = new Api(port(monday)).as(supervisorName, Api.PASSWORD);
			Api answeringOperator = new Api(port(monday)).as(fixtures.user(answering, "UNIT_OPERATOR"), Api.PASSWORD);
			long leader = admin.post("/api/v1/people", Map.of("name", "孙海燕", "unitId", district)).id();
			long campaign = supervisor.post("/api/v1/campaigns",
					Map.of("code", Fixtures.unique("GJ"), "name", "城市建设管理攻坚行动", "year", 2026, "leadLeaderId", leader,
							"leadUnitId", builder, "startDate", "2026-01-01", "endDate", "2026-12-31",
							"taskForceUserIds", List.of()))
				.id();
			Api.Response task = supervisor.post("/api/v1/campaigns/" + campaign + "/tasks",
					Map.of("title", "老旧小区改造", "leadUnitId", builder, "cooperatingUnitIds", List.of(), "deadline",
							"2026-12-31", "milestones", List.of(Map.of("name", "完成摸底调查", "dueDate", "2026-03-17"))));
			assertThat(task.status()).as(task.toString()).isEqualTo(201);

			supervisor.post("/api/v1/notices", notice(silent));
			long toAnswer = supervisor.post("/api/v1/notices", notice(answering)).id();
			answeringOperator.post("/api/v1/notices/" + toAnswer + "/respond", Map.of("text", "已按要求完成整治。"));

			List<JsonNode> early = created(supervisor);
			assertThat(early).as("nothing is due on Monday").isEmpty();
		}

		properties.put("luoshi.clock.fixed", "2026-03-19T10:00:00+08:00");
		try (ConfigurableApplicationContext thursday = start(properties)) {
			Api supervisor = new Api(port(thursday)).as(supervisorName, Api.PASSWORD);

			List<JsonNode> created = created(supervisor);

			assertThat(created).anySatisfy((notice) -> {
				assertThat(notice.path("unitId").asLong()).isEqualTo(silent);
				assertThat(notice.path("level").asString()).isEqualTo("URGE");
				assertThat(notice.path("escalatedFrom").isNumber()).isTrue();
			});
			assertThat(created)
				.noneSatisfy((notice) -> assertThat(notice.path("unitId").asLong()).isEqualTo(answering));
			assertThat(created).anySatisfy((notice) -> {
				assertThat(notice.path("unitId").asLong()).isEqualTo(builder);
				assertThat(notice.path("level").asString()).isEqualTo("REMINDER");
				assertThat(notice.path("ruleCode").asString()).isEqualTo("MILESTONE-OVERDUE");
			});
			assertThat(created(supervisor)).as("a second run creates nothing").isEmpty();
		}
	}

	private static Map<String, Object> notice(long unit) {
		return Map.of("unitId", unit, "level", "REMINDER", "subject", "占道经营整治进度滞后", "responseDueWorkingHours", 8);
	}

	private static List<JsonNode> created(Api supervisor) {
		Api.Response run = supervisor.post("/api/v1/supervision/escalations/run", Map.of());
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		List<JsonNode> created = new java.util.ArrayList<>();
		run.json().path("created").forEach(created::add);
		return created;
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
