package dev.luoshi.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The hours of a working day that SLAs count (by default 09:00–12:00 and 14:00–18:00),
 * and arithmetic over them: "8 working hours after Friday 16:00" is Monday 17:00.
 */
public final class WorkingHours {

	/** At most this many days are walked, so that a bad input cannot loop for ever. */
	private static final int MAX_DAYS = 3700;

	private final List<Interval> intervals;

	public WorkingHours(List<Interval> intervals) {
		if (intervals.isEmpty()) {
			throw new IllegalArgumentException("At least one working-hour interval is needed");
		}
		List<Interval> sorted = new ArrayList<>(intervals);
		sorted.sort((a, b) -> a.start().compareTo(b.start()));
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
				throw new IllegalArgumentException("Working-hour intervals overlap: " + sorted);
			}
		}
		this.intervals = List.copyOf(sorted);
	}

	/** Parses {@code 09:00-12:00,14:00-18:00}. */
	public static WorkingHours parse(String text) {
		List<Interval> intervals = new ArrayList<>();
		for (String part : text.split(",")) {
			String[] bounds = part.strip().split("-");
			if (bounds.length != 2) {
				throw new IllegalArgumentException("Not an interval like 09:00-12:00: " + part);
			}
			intervals.add(new Interval(LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip())));
		}
		return new WorkingHours(intervals);
	}

	public List<Interval> intervals() {
		return this.intervals;
	}

	/**
	 * The moment when {@code amount} of working time has passed after {@code start}; a
	 * start outside working time counts from the next working interval.
	 */
	public ZonedDateTime add(WorkingCalendar calendar, ZonedDateTime start, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("A working-hour amount cannot be negative");
		}
		Duration remaining = amount;
		LocalDateTime cursor = start.toLocalDateTime();
		for (int days = 0; days < MAX_DAYS; days++) {
			LocalDate date = cursor.toLocalDate();
			if (calendar.isWorkingDay(date)) {
				for (Interval interval : this.intervals) {
					LocalDateTime from = max(cursor, date.atTime(interval.start()));
					LocalDateTime to = date.atTime(interval.end());
					if (!from.isBefore(to)) {
						continue;
					}
					Duration available = Duration.between(from, to);
					if (available.compareTo(remaining) >= 0) {
						return from.plus(remaining).atZone(start.getZone());
					}
					remaining = remaining.minus(available);
				}
			}
			cursor = date.plusDays(1).atStartOfDay();
		}
		throw new IllegalArgumentException("The deadline lies more than ten years ahead");
	}

	/**
	 * Working time between two moments (zero when {@code to} is not after {@code from}).
	 */
	public Duration between(WorkingCalendar calendar, ZonedDateTime from, ZonedDateTime to) {
		LocalDateTime start = from.toLocalDateTime();
		LocalDateTime end = to.withZoneSameInstant(from.getZone()).toLocalDateTime();
		Duration total = Duration.ZERO;
		for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
			if (!calendar.isWorkingDay(date)) {
				continue;
			}
			for (Interval interval : this.intervals) {
				LocalDateTime a = max(start, date.atTime(interval.start()));
				LocalDateTime b = min(end, date.atTime(interval.end()));
				if (a.isBefore(b)) {
					total = total.plus(Duration.between(a, b));
				}
			}
		}
		return total;
	}

	private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
		return a.isBefore(b) ? a : b;
	}

	/** A span of working time within a day. */
	public record Interval(LocalTime start, LocalTime end) {

		public Interval {
			if (!start.isBefore(end)) {
				throw new IllegalArgumentException("A working-hour interval must end after it starts");
			}
		}

		@Override
		public String toString() {
			return this.start + "-" + this.end;
		}

	}

}
