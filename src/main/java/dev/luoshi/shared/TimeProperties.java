package dev.luoshi.shared;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time zone of working days and deadlines ({@code luoshi.zone}) and an optional
 * frozen clock ({@code luoshi.clock.fixed}) for tests and demos.
 */
@ConfigurationProperties("luoshi")
public record TimeProperties(ZoneId zone, Clock clock) {

	public TimeProperties {
		zone = (zone != null) ? zone : ZoneId.of("Asia/Shanghai");
		clock = (clock != null) ? clock : new Clock(null);
	}

	/**
	 * {@code fixed}: the instant at which the clock stands still, e.g.
	 * 2026-03-16T09:00:00+08:00.
	 */
	public record Clock(OffsetDateTime fixed) {
	}

}
