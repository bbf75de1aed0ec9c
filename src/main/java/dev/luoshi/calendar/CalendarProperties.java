package dev.luoshi.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code luoshi.calendar.working-hours}: the hours SLAs count, e.g.
 * {@code 09:00-12:00,14:00-18:00}.
 */
@ConfigurationProperties("luoshi.calendar")
public record CalendarProperties(String workingHours) {

	public CalendarProperties {
		workingHours = (workingHours != null) ? workingHours : "09:00-12:00,14:00-18:00";
		WorkingHours.parse(workingHours);
	}

}
