package dev.luoshi.identity;

import java.time.Instant;

/**
 * A sign-in that did not succeed: wrong credentials (never saying which), a disabled
 * account, or a locked one ({@link #lockedUntil()} says until when).
 */
public class SignInRefused extends RuntimeException {

	private final Instant lockedUntil;

	SignInRefused(String message, Instant lockedUntil) {
		super(message);
		this.lockedUntil = lockedUntil;
	}

	public boolean locked() {
		return this.lockedUntil != null;
	}

	public Instant lockedUntil() {
		return this.lockedUntil;
	}

}
