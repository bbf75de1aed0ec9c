package dev.luoshi.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year of the calendar: its official holidays and make-up working days.
 * {@code provisional} when no schedule is published for it (only weekends are days off
 * then).
 */
public record CalendarYear(int year, boolean published, boolean provisional, String source, List<LocalDate> holidays,
		List<LocalDate> workingWeekends, int version) {
}
