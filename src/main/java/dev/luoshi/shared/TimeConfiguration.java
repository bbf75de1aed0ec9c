package dev.luoshi.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Clock} that every module reads time from. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(TimeProperties properties) {
		if (properties.clock().fixed() != null) {
			return Clock.fixed(properties.clock().fixed().toInstant(), properties.zone());
		}
		return Clock.system(properties.zone());
	}

}
