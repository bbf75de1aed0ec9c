package dev.luoshi.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random choices a generated case is made of, recorded as it is made: the same seed
 * makes the same case again, and a case can be made again from a simplified record of its
 * choices, which is how a failing case is shrunk (every choice is drawn so that a smaller
 * number means a simpler case, the first of a list being the simplest).
 */
public final class Choices {

	private final SplittableRandom random;

	private final long[] replayed;

	private final List<Long> drawn = new ArrayList<>();

	private Choices(SplittableRandom random, long[] replayed) {
		this.random = random;
		this.replayed = replayed;
	}

	/** Fresh choices from a seed. */
	public static Choices seeded(long seed) {
		return new Choices(new SplittableRandom(seed), null);
	}

	/**
	 * The recorded choices again; a choice past their end, or out of its bound, is the
	 * simplest one.
	 */
	public static Choices replaying(long[] record) {
		return new Choices(null, record.clone());
	}

	/** A number from 0 to {@code bound - 1}. */
	public int below(int bound) {
		if (bound <= 1) {
			return 0;
		}
		long value;
		if (this.replayed == null) {
			value = this.random.nextInt(bound);
		}
		else {
			int at = this.drawn.size();
			value = (at < this.replayed.length) ? Math.min(Math.max(this.replayed[at], 0), bound - 1) : 0;
		}
		this.drawn.add(value);
		return (int) value;
	}

	public int between(int min, int max) {
		return min + below(max - min + 1);
	}

	/** True with about this probability; false is the simpler answer. */
	public boolean chance(double probability) {
		return below(1_000_000) >= Math.round((1 - probability) * 1_000_000);
	}

	@SafeVarargs
	public final <T> T pick(T... options) {
		return options[below(options.length)];
	}

	public <T> T pick(List<T> options) {
		return options.get(below(options.size()));
	}

	/** The choices made so far. */
	public long[] record() {
		return this.drawn.stream().mapToLong(Long::longValue).toArray();
	}

	/**
	 * Simpler records than {@code record}, the most promising first: shorter ones, then
	 * each of the first thousand choices set to its simplest, then halved. Made as they
	 * are asked for, since a record may be long.
	 */
	public static Iterable<long[]> simplifications(long[] record) {
		List<int[]> steps = new ArrayList<>();
		for (int length = record.length / 2; length < record.length; length += Math.max(1,
				(record.length - length) / 2)) {
			steps.add(new int[] { 0, length });
		}
		int reach = Math.min(record.length, 1000);
		for (int i = 0; i < reach; i++) {
			if (record[i] != 0) {
				steps.add(new int[] { 1, i });
			}
		}
		for (int i = 0; i < reach; i++) {
			if (record[i] > 1) {
				steps.add(new int[] { 2, i });
			}
		}
		return () -> steps.stream().map((step) -> {
			if (step[0] == 0) {
				return Arrays.copyOf(record, step[1]);
			}
			long[] simpler = record.clone();
			simpler[step[1]] = (step[0] == 1) ? 0 : record[step[1]] / 2;
			return simpler;
		}).iterator();
	}

}
