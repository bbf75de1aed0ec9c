package example.modularity.alpha;

import example.modularity.beta.internal.BetaInternals;

/** A module that reaches into another module's internals: verification must refuse it. */
public class Alpha {

	private final BetaInternals internals = new BetaInternals();

	public int answer() {
		return this.internals.secret();
	}

}
