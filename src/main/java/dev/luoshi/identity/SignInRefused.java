package dev.luoshi.identity;

import java.time.Instant;

/**
 * A sign-in that did not succeed: wrong credentials (never saying which), a disabled
 * account, a locked one ({@link #lockedUntil()} says until when), or one whose password
 * is older than the configured maximum age and must be changed first
 * ({@link #passwordExpired()}).
 */
public class SignInRefused extends RuntimeException {

	private final Instant lockedUntil;

	private final Instant passwordChangedAt;

	SignInRefused(String message, Instant lockedUntil) {
		this(message, lockedUntil, null);
	}

	private SignInRefused(String message, Instant lockedUntil, Instant passwordChangedAt) {
		super(message);
		this.lockedUntil = lockedUntil;
		this.passwordChangedAt = passwordChangedAt;
	}

	static SignInRefused passwordExpired(Instant passwordChangedAt) {
		return new SignInRefused("The password has expired: change it first", null, passwordChangedAt);
	}

	public boolean locked() {
		return this.lockedUntil != null;
	}

	public Instant lockedUntil() {
		return this.lockedUntil;
	}

	/** Whether the credentials were right but the password is too old to sign in with. */
	public boolean passwordExpired() {
		return this.passwordChangedAt != null;
	}

	/** When the expired password was set; null unless {@link #passwordExpired()}. */
	public Instant passwordChangedAt() {
		return this.passwordChangedAt;
	}

}
