package dev.luoshi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

/**
 * An immutable snapshot of the calendar: which days are working days, and counting and
 * shifting by working days. Answers come from a precomputed table over the years
 * 2000–2099 (constant time or a binary search); dates outside it are counted day by day
 * with the weekend rule.
 */
public final class WorkingCalendar {

	private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);

	private static final LocalDate LAST = LocalDate.of(2099, 12, 31);

	private static final long BASE = FIRST.toEpochDay();

	private final Set<LocalDate> holidays;

	private final Set<LocalDate> workingWeekends;

	private final Set<Integer> publishedYears;

	/** {@code cumulative[i]}: working days from FIRST up to and including FIRST + i. */
	private final int[] cumulative;

	public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekends, Set<Integer> publishedYears) {
		this.holidays = Set.copyOf(holidays);
		this.workingWeekends = Set.copyOf(workingWeekends);
		this.publishedYears = Set.copyOf(publishedYears);
		int days = (int) (LAST.toEpochDay() - BASE + 1);
		this.cumulative = new int[days];
		int count = 0;
		for (int i = 0; i < days; i++) {
			if (computeWorking(FIRST.plusDays(i))) {
				count++;
			}
			this.cumulative[i] = count;
		}
	}

	public boolean isWorkingDay(LocalDate date) {
		int index = index(date);
		if (index < 0) {
			return computeWorking(date);
		}
		return this.cumulative[index] != ((index > 0) ? this.cumulative[index - 1] : 0);
	}

	/**
	 * Whether the year has no published schedule, so that only weekends are counted in
	 * it.
	 */
	public boolean isProvisional(int year) {
		return !this.publishedYears.contains(year);
	}

	/**
	 * The date {@code workingDays} working days after (positive) or before (negative)
	 * {@code date}; the date itself for 0. E.g. 2026-10-12 shifted by −2 is 2026-10-09.
	 */
	public LocalDate shift(LocalDate date, int workingDays) {
		if (workingDays == 0) {
			return date;
		}
		int index = index(date);
		if (index < 0) {
			return shiftSlowly(date, workingDays);
		}
		int target;
		if (workingDays > 0) {
			target = this.cumulative[index] + workingDays;
		}
		else {
			int before = (index > 0) ? this.cumulative[index - 1] : 0;
			target = before + workingDays + 1;
			if (target < 1) {
				return shiftSlowly(date, workingDays);
			}
		}
		int found = firstReaching(target);
		return (found < 0) ? shiftSlowly(date, workingDays) : FIRST.plusDays(found);
	}

	/**
	 * Working days from {@code from} to {@code to}, both included; 0 when {@code to} is
	 * before {@code from}.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return 0;
		}
		int start = index(from);
		int end = index(to);
		if (start < 0 || end < 0) {
			int count = 0;
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				count += isWorkingDay(day) ? 1 : 0;
			}
			return count;
		}
		return this.cumulative[end] - ((start > 0) ? this.cumulative[start - 1] : 0);
	}

	Set<LocalDate> holidays() {
		return this.holidays;
	}

	Set<LocalDate> workingWeekends() {
		return this.workingWeekends;
	}

	private boolean computeWorking(LocalDate date) {
		if (this.holidays.contains(date)) {
			return false;
		}
		if (this.workingWeekends.contains(date)) {
			return true;
		}
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	private LocalDate shiftSlowly(LocalDate date, int workingDays) {
		int step = (workingDays > 0) ? 1 : -1;
		int remaining = Math.abs(workingDays);
		LocalDate day = date;
		while (remaining > 0) {
			day = day.plusDays(step);
			if (isWorkingDay(day)) {
				remaining--;
			}
		}
		return day;
	}

	/**
	 * The first index whose cumulative count reaches {@code target}, or -1 beyond the
	 * table.
	 */
	private int firstReaching(int target) {
		int found = Arrays.binarySearch(this.cumulative, target);
		if (found < 0) {
			return -1;
		}
		while (found > 0 && this.cumulative[found - 1] == target) {
			found--;
		}
		return found;
	}

	private static int index(LocalDate date) {
		long offset = date.toEpochDay() - BASE;
		return (offset < 0 || date.isAfter(LAST)) ? -1 : (int) offset;
	}

}
