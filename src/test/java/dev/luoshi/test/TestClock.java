package dev.luoshi.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the tests can move. It starts at the real time (so ordinary tests see ordinary
 * dates) and can be set or advanced to test lockouts, deadlines and lights.
 */
public class TestClock extends Clock {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private volatile Instant now = Instant.now();

	public void set(ZonedDateTime at) {
		this.now = at.toInstant();
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	public void reset() {
		this.now = Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
