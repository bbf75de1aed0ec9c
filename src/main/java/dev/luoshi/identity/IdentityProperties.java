package dev.luoshi.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings: how long an API token lives, how many failures within which window
 * lock an account and for how long.
 */
@ConfigurationProperties("luoshi.identity")
public record IdentityProperties(Duration tokenLifetime, int lockoutFailures, Duration lockoutWindow,
		Duration lockoutDuration) {

	public IdentityProperties {
		tokenLifetime = (tokenLifetime != null) ? tokenLifetime : Duration.ofHours(8);
		lockoutFailures = (lockoutFailures > 0) ? lockoutFailures : 5;
		lockoutWindow = (lockoutWindow != null) ? lockoutWindow : Duration.ofMinutes(15);
		lockoutDuration = (lockoutDuration != null) ? lockoutDuration : Duration.ofMinutes(15);
	}

}
