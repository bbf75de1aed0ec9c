package dev.luoshi.test;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes a failing generated case as simple as it gets while it still fails: its recorded
 * choices are simplified one step at a time, keeping each step after which the case still
 * fails.
 */
public final class Shrinking {

	private Shrinking() {
	}

	/** What a check says about a case: empty when it holds, else why not. */
	public interface Check<C> {

		Optional<String> failure(C generated);

	}

	/** The simplest failing case found, why it fails and how many cases were tried. */
	public record Shrunk<C>(C generated, String failure, long[] record, int tries) {
	}

	/**
	 * Shrinks the case made by {@code generate} from {@code record}, which fails with
	 * {@code failure}, trying at most {@code maxTries} simpler cases for at most
	 * {@code maxTime}.
	 */
	public static <C> Shrunk<C> shrink(long[] record, String failure, Function<Choices, C> generate, Check<C> check,
			int maxTries, Duration maxTime) {
		long deadline = System.nanoTime() + maxTime.toNanos();
		long[] smallest = record;
		C simplest = generate.apply(Choices.replaying(record));
		String reason = failure;
		int tries = 0;
		boolean progress = true;
		while (progress && tries < maxTries && System.nanoTime() < deadline) {
			progress = false;
			for (long[] candidate : Choices.simplifications(smallest)) {
				if (tries++ >= maxTries || System.nanoTime() > deadline) {
					break;
				}
				Choices choices = Choices.replaying(candidate);
				C generated = generate.apply(choices);
				Optional<String> fails = check.failure(generated);
				if (fails.isPresent() && simpler(choices.record(), smallest)) {
					smallest = choices.record();
					simplest = generated;
					reason = fails.get();
					progress = true;
					break;
				}
			}
		}
		return new Shrunk<>(simplest, reason, smallest, tries);
	}

	/** Fewer choices, or as many with the first differing one smaller. */
	private static boolean simpler(long[] candidate, long[] than) {
		if (candidate.length != than.length) {
			return candidate.length < than.length;
		}
		return java.util.Arrays.compare(candidate, than) < 0;
	}

}
