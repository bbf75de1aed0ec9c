package dev.luoshi.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of deliveries: the quiet hours in which nothing is pushed (held until they
 * end), the hour of the daily digest, how often a failed delivery is tried again and how
 * many times, the sender of e-mails, and the hosts group robots may be reached at (the
 * vendors' by default: the server posts only there).
 */
@ConfigurationProperties("luoshi.notification")
public record NotificationProperties(LocalTime quietFrom, LocalTime quietUntil, LocalTime digestAt, Duration retryAfter,
		Integer maxAttempts, String mailFrom, List<String> robotHosts) {

	public NotificationProperties {
		quietFrom = (quietFrom != null) ? quietFrom : LocalTime.of(22, 0);
		quietUntil = (quietUntil != null) ? quietUntil : LocalTime.of(7, 0);
		digestAt = (digestAt != null) ? digestAt : LocalTime.of(8, 0);
		retryAfter = (retryAfter != null) ? retryAfter : Duration.ofMinutes(5);
		maxAttempts = (maxAttempts != null) ? maxAttempts : 60;
		mailFrom = (mailFrom != null) ? mailFrom : "luoshi@localhost";
		robotHosts = (robotHosts != null) ? robotHosts
				: List.of("oapi.dingtalk.com", "qyapi.weixin.qq.com", "open.feishu.cn", "open.larksuite.com");
	}

	/**
	 * How long a delivery waits after its n-th failed attempt: {@code retryAfter} times
	 * n, at most an hour, so that with the default 60 attempts a channel down for two
	 * days still gets its messages when it is back.
	 */
	Duration retryDelay(int attempts) {
		Duration delay = this.retryAfter.multipliedBy(attempts);
		return (delay.compareTo(Duration.ofHours(1)) > 0) ? Duration.ofHours(1) : delay;
	}

}
