package dev.luoshi.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings: how long an API token lives and how long it may lie unused, how many
 * failures within which window lock an account and for how long, and how old a password
 * may get before it must be changed (no limit unless set).
 *
 * @param tokenLifetime how long a token works after it is issued (8 hours)
 * @param lockoutFailures failures that lock an account (5)
 * @param lockoutWindow the window in which they count (15 minutes)
 * @param lockoutDuration how long the account stays locked (15 minutes)
 * @param passwordMaxAge how old a password may be before signing in with it is refused
 * until it is changed, e.g. {@code 90d}; off when unset or zero
 * @param tokenIdleTimeout how long a token may go unused before it stops working (30
 * minutes, like a page session; zero turns it off), measured to the minute
 */
@ConfigurationProperties("luoshi.identity")
public record IdentityProperties(Duration tokenLifetime, int lockoutFailures, Duration lockoutWindow,
		Duration lockoutDuration, Duration passwordMaxAge, Duration tokenIdleTimeout) {

	public IdentityProperties {
		tokenLifetime = (tokenLifetime != null) ? tokenLifetime : Duration.ofHours(8);
		lockoutFailures = (lockoutFailures > 0) ? lockoutFailures : 5;
		lockoutWindow = (lockoutWindow != null) ? lockoutWindow : Duration.ofMinutes(15);
		lockoutDuration = (lockoutDuration != null) ? lockoutDuration : Duration.ofMinutes(15);
		passwordMaxAge = (passwordMaxAge != null && !passwordMaxAge.isNegative() && !passwordMaxAge.isZero())
				? passwordMaxAge : null;
		tokenIdleTimeout = (tokenIdleTimeout == null) ? Duration.ofMinutes(30)
				: (!tokenIdleTimeout.isNegative() && !tokenIdleTimeout.isZero() ? tokenIdleTimeout : null);
	}

}
