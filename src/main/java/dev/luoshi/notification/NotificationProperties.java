package dev.luoshi.notification;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of deliveries: the quiet hours in which nothing is pushed (held until they
 * end), the hour of the daily digest, how often a failed delivery is tried again and how
 * many times, and the sender of e-mails.
 */
@ConfigurationProperties("luoshi.notification")
public record NotificationProperties(LocalTime quietFrom, LocalTime quietUntil, LocalTime digestAt, Duration retryAfter,
		Integer maxAttempts, String mailFrom) {

	public NotificationProperties {
		quietFrom = (quietFrom != null) ? quietFrom : LocalTime.of(22, 0);
		quietUntil = (quietUntil != null) ? quietUntil : LocalTime.of(7, 0);
		digestAt = (digestAt != null) ? digestAt : LocalTime.of(8, 0);
		retryAfter = (retryAfter != null) ? retryAfter : Duration.ofMinutes(5);
		maxAttempts = (maxAttempts != null) ? maxAttempts : 10;
		mailFrom = (mailFrom != null) ? mailFrom : "luoshi@localhost";
	}

}
