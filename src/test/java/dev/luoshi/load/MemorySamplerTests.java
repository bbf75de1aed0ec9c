package dev.luoshi.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The soak's memory verdict: a level sawtooth is flat, a climbing one is a leak. */
class MemorySamplerTests {

	@Test
	void troughsThatStayLevelAreFlatMemory() {
		MemorySampler memory = new MemorySampler("http://localhost:1");
		for (int minute = 1; minute <= 30; minute++) {
			memory.record(new MemorySampler.Sample(minute * 60L, 120 + ((minute % 3) * 15), 0));
		}

		assertThat(memory.verdict().flat()).isTrue();
		assertThat(memory.verdict().text()).startsWith("FLAT: heap troughs");
	}

	@Test
	void troughsThatClimbAreALeak() {
		MemorySampler memory = new MemorySampler("http://localhost:1");
		for (int minute = 1; minute <= 30; minute++) {
			memory.record(new MemorySampler.Sample(minute * 60L, 120 + minute * 3 + ((minute % 3) * 15), 0));
		}

		assertThat(memory.verdict().flat()).isFalse();
		assertThat(memory.verdict().growthMib()).isGreaterThan(80);
	}

	@Test
	void liveDataAfterCollectionsIsPreferredOnceThereIsEnough() {
		MemorySampler memory = new MemorySampler("http://localhost:1");
		for (int minute = 1; minute <= 30; minute++) {
			memory.record(new MemorySampler.Sample(minute * 60L, 100 + minute * 10, 90 + (minute % 2)));
		}

		assertThat(memory.verdict().flat()).isTrue();
		assertThat(memory.verdict().text()).contains("live data after GC");
	}

	@Test
	void tooFewSamplesAreNoVerdict() {
		MemorySampler memory = new MemorySampler("http://localhost:1");
		memory.record(new MemorySampler.Sample(60, 100, 0));

		assertThat(memory.verdict().flat()).isFalse();
	}

}
