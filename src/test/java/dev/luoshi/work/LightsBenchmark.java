package dev.luoshi.work;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Recomputing lights (outline codes, roll-up progress, own and tree lights) on the
 * generated city data set in an embedded H2 database: one campaign's tree of 140 tasks,
 * as after a report is accepted, and every campaign, as the nightly job does.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = { "-Xmx1g" })
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class LightsBenchmark {

	private ConfigurableApplicationContext context;

	private LightKeeper lights;

	private List<Long> campaigns;

	@Setup
	public void start() {
		this.context = new SpringApplicationBuilder(LuoshiApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:lights;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
						+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"--luoshi.generate.scale=city", "--luoshi.demo.enabled=false", "--luoshi.demo.password=Bench-Passw0rd!",
				"--luoshi.admin-password=Bench-Passw0rd!", "--luoshi.data-dir=target/bench-data",
				"--logging.level.root=WARN");
		this.lights = this.context.getBean(LightKeeper.class);
		this.campaigns = this.context.getBean(CampaignRepository.class).allIds();
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public void oneCampaign() {
		this.lights.refreshCampaign(this.campaigns.get(ThreadLocalRandom.current().nextInt(this.campaigns.size())));
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public void everyCampaignOfTheCity() {
		this.lights.refreshAll();
	}

}
