package dev.luoshi.evaluation;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.luoshi.LuoshiApplication;
import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.CurrentUsers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Computing and storing a quarterly ranking of the generated city (about 2,000 units in
 * six peer groups over 19,600 tasks, 91,000 milestones and 200,000 reports) in an
 * embedded H2 database, as the office does from the ranking page. The province figure is
 * measured by the generator itself (see the README).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = { "-Xmx1g" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RankingBenchmark {

	private ConfigurableApplicationContext context;

	private Rankings rankings;

	private CurrentUser supervisor;

	private long scheme;

	private String period;

	@Setup
	public void start() {
		this.context = new SpringApplicationBuilder(LuoshiApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:ranking;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
						+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"--luoshi.generate.scale=city", "--luoshi.demo.enabled=false", "--luoshi.demo.password=Bench-Passw0rd!",
				"--luoshi.admin-password=Bench-Passw0rd!", "--luoshi.data-dir=target/bench-data",
				"--logging.level.root=WARN");
		this.rankings = this.context.getBean(Rankings.class);
		Accounts accounts = this.context.getBean(Accounts.class);
		this.supervisor = accounts.currentUser(accounts.byUsername("supervisor").orElseThrow().id()).orElseThrow();
		Scheme generated = this.context.getBean(Schemes.class).schemes(null).get(0);
		this.scheme = generated.id();
		this.period = this.context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
			.queryForObject("select max(period) from ranking where scheme_id = ? and status = 'COMPUTED'", String.class,
					this.scheme);
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public Ranking quarterOfTheCity() {
		return CurrentUsers.actingAs(this.supervisor, () -> this.rankings.compute(this.scheme, this.period));
	}

}
