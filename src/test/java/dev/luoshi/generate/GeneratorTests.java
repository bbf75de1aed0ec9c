package dev.luoshi.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.luoshi.load.LoadHarness;
import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.TestDatabase;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tiny generated data set, read and used through the API as the load harness does:
 * the lights are computed and of every colour, the sizes are as the scale says, a liaison
 * files a report on one of its unit's tasks, and new notices continue the generated
 * numbering.
 */
@DatabaseTest
@TestPropertySource(properties = { "luoshi.generate.scale=tiny", "luoshi.demo.password=" + Api.PASSWORD })
class GeneratorTests {

	@LocalServerPort
	int port;

	@Test
	void theLoadHarnessDrivesEveryScenarioWithoutAnError() throws Exception {
		Path json = Path.of("target", "load-tiny-" + TestDatabase.kind() + ".json");
		LoadHarness.main(new String[] { "--url=http://localhost:" + this.port, "--password=" + Api.PASSWORD,
				"--admin-password=" + Api.ADMIN_PASSWORD, "--duration=2s", "--warmup=1s", "--concurrency=4",
				"--scenarios=overdue,tree,unit,summary,report:2", "--json=" + json });

		JsonNode results = JsonMapper.builder().build().readTree(Files.readString(json)).path("results");
		assertThat(results.size()).isEqualTo(5);
		assertThat(results.valueStream()).allSatisfy((result) -> {
			assertThat(result.path("errors").asLong()).as(result.toString()).isZero();
			assertThat(result.path("requests").asLong()).as(result.toString()).isPositive();
			assertThat(result.path("p99Ms").asDouble()).isGreaterThanOrEqualTo(result.path("p50Ms").asDouble());
		});
	}

	@Test
	void theTinyDataSetIsConsistentAndUsable() {
		Api supervisor = new Api(this.port).as("supervisor", Api.PASSWORD);

		assertThat(supervisor.get("/api/v1/units?size=200").json().path("total").asLong())
			.isEqualTo(1 + 2 + 2 * (5 + 3) + 2 * 3 * 2);
		assertThat(supervisor.get("/api/v1/tasks?size=1").json().path("total").asLong()).isEqualTo(4 * (2 + 2 * 4));
		for (String light : new String[] { "RED", "YELLOW", "GREEN", "DONE" }) {
			assertThat(supervisor.get("/api/v1/tasks?size=1&light=" + light).json().path("total").asLong())
				.as("tasks that are " + light)
				.isPositive();
		}
		long campaign = supervisor.get("/api/v1/campaigns").json().get(0).path("id").asLong();
		JsonNode tree = supervisor.get("/api/v1/campaigns/" + campaign + "/tasks").json();
		assertThat(tree.size()).isEqualTo(2);
		assertThat(tree.get(0).path("children").size()).isEqualTo(4);

		JsonNode summary = supervisor.get("/api/v1/projects/summary").json();
		assertThat(summary.path("count").asLong()).isEqualTo(12);
		assertThat(summary.path("completedThisYear").decimalValue()).isPositive();
		assertThat(supervisor.get("/api/v1/notices?size=1").json().path("total").asLong()).isEqualTo(60);
		JsonNode scheme = supervisor.get("/api/v1/schemes").json().get(0);
		JsonNode rankings = supervisor.get("/api/v1/schemes/" + scheme.path("id").asLong() + "/rankings").json();
		assertThat(rankings.findValuesAsString("status")).as(rankings.toString()).contains("COMPUTED");
		JsonNode ranked = supervisor
			.get("/api/v1/rankings?schemeId=" + scheme.path("id").asLong() + "&period="
					+ rankings.get(0).path("period").asString())
			.json();
		assertThat(ranked.size()).as("every unit but the root and cities' or counties' own is in a peer group")
			.isEqualTo(2 + 2 * (5 + 3) + 2 * 3 * 2);
		Api.Response issued = supervisor.post("/api/v1/notices",
				Map.of("unitId", tree.get(0).path("leadUnitId").asLong(), "level", "REMINDER", "subject", "生成数据之后的督办"));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);

		JsonNode task = tree.get(0)
			.path("children")
			.valueStream()
			.filter((leaf) -> !"DONE".equals(leaf.path("light").asString()))
			.findFirst()
			.orElseThrow();
		String operator = new Api(this.port).asAdmin()
			.get("/api/v1/users?unitId=" + task.path("leadUnitId").asLong())
			.json()
			.path("items")
			.get(0)
			.path("username")
			.asString();
		Api liaison = new Api(this.port).as(operator, Api.PASSWORD);
		Api.Response filed = liaison.post("/api/v1/tasks/" + task.path("id").asLong() + "/reports",
				Map.of("period", YearMonth.now().toString(), "percent", 99, "narrative", "压力测试之外的一次真实填报"));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
	}

}
