package example.modularity.beta.internal;

/**
 * Internal to the module {@code beta}: public in Java, yet no other module may use it.
 */
public class BetaInternals {

	public int secret() {
		return 42;
	}

}
