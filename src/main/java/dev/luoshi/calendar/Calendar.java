package dev.luoshi.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working-day calendar as the other modules use it (shifting dates by working days,
 * counting them, adding working hours) and as administrators keep it (a year at a time).
 * Reads come from a cached snapshot; every ten seconds at most one tiny query checks
 * whether any node changed the calendar since.
 */
@Service
@Transactional(readOnly = true)
public class Calendar {

	static final Duration RECHECK = Duration.ofSeconds(10);

	private final CalendarRepository repository;

	private final WorkingHours workingHours;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile Snapshot snapshot;

	Calendar(CalendarRepository repository, CalendarProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.workingHours = WorkingHours.parse(properties.workingHours());
		this.events = events;
		this.clock = clock;
	}

	/** The calendar as it stands now. */
	public WorkingCalendar current() {
		Snapshot current = this.snapshot;
		long now = System.nanoTime();
		if (current != null && now - current.checkedAt() < RECHECK.toNanos()) {
			return current.calendar();
		}
		long revision = this.repository.revision();
		if (current != null && current.revision() == revision) {
			this.snapshot = new Snapshot(current.calendar(), revision, now);
			return current.calendar();
		}
		WorkingCalendar loaded = load();
		this.snapshot = new Snapshot(loaded, revision, now);
		return loaded;
	}

	public LocalDate shift(LocalDate date, int workingDays) {
		return current().shift(date, workingDays);
	}

	public int workingDaysBetween(LocalDate from, LocalDate to) {
		return current().workingDaysBetween(from, to);
	}

	public boolean isWorkingDay(LocalDate date) {
		return current().isWorkingDay(date);
	}

	/** The moment when {@code amount} of working time has passed after {@code start}. */
	public ZonedDateTime addWorkingHours(ZonedDateTime start, Duration amount) {
		return this.workingHours.add(current(), start.withZoneSameInstant(this.clock.getZone()), amount);
	}

	public Duration workingHoursBetween(ZonedDateTime from, ZonedDateTime to) {
		return this.workingHours.between(current(), from.withZoneSameInstant(this.clock.getZone()), to);
	}

	public WorkingHours workingHours() {
		return this.workingHours;
	}

	public CalendarYear year(int year) {
		requireYear(year);
		List<CalendarRepository.Day> days = this.repository.days(year);
		return this.repository.year(year)
			.map((row) -> new CalendarYear(year, true, false, row.source(), dates(days, false), dates(days, true),
					row.version()))
			.orElseGet(() -> new CalendarYear(year, false, true, null, List.of(), List.of(), 0));
	}

	/** The years with a published schedule. */
	public List<Integer> publishedYears() {
		return this.repository.years().stream().map(CalendarRepository.YearRow::year).toList();
	}

	/**
	 * Replaces a year's schedule: its official holidays and the weekend days that are
	 * working days.
	 */
	@Transactional
	public CalendarYear replaceYear(int year, List<LocalDate> holidays, List<LocalDate> workingWeekends,
			String source) {
		List<CalendarRepository.Day> days = new ArrayList<>();
		holidays.forEach((date) -> days.add(new CalendarRepository.Day(date, false, null)));
		workingWeekends.forEach((date) -> days.add(new CalendarRepository.Day(date, true, null)));
		return replace(year, days, source);
	}

	/** Forgets the cached snapshot, e.g. after seeding. */
	void invalidate() {
		this.snapshot = null;
	}

	@Transactional
	CalendarYear replace(int year, List<CalendarRepository.Day> days, String source) {
		requireYear(year);
		Set<LocalDate> seen = new HashSet<>();
		for (CalendarRepository.Day day : days) {
			String field = day.working() ? "workingWeekends" : "holidays";
			if (day.date().getYear() != year) {
				throw DomainException.invalid(field, "calendar-other-year", day.date() + " is not in " + year,
						day.date(), year);
			}
			if (!seen.add(day.date())) {
				throw DomainException.invalid(field, "calendar-twice", day.date() + " is listed twice", day.date());
			}
			if (day.working() && !weekend(day.date())) {
				throw DomainException.invalid(field, "calendar-not-weekend",
						day.date() + " is not a Saturday or Sunday", day.date());
			}
		}
		CalendarYear before = year(year);
		this.repository.replace(year, (source != null) ? source : "manual", days, this.clock.instant());
		this.snapshot = null;
		CalendarYear after = year(year);
		this.events.publishEvent(new EntityChanged("calendar", String.valueOf(year),
				before.published() ? "UPDATED" : "CREATED", before, after));
		return after;
	}

	private WorkingCalendar load() {
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> working = new HashSet<>();
		for (CalendarRepository.Day day : this.repository.days()) {
			(day.working() ? working : holidays).add(day.date());
		}
		return new WorkingCalendar(holidays, working, new HashSet<>(publishedYears()));
	}

	private static List<LocalDate> dates(List<CalendarRepository.Day> days, boolean working) {
		return days.stream().filter((day) -> day.working() == working).map(CalendarRepository.Day::date).toList();
	}

	private static boolean weekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static void requireYear(int year) {
		if (year < 2000 || year > 2099) {
			throw DomainException.invalid("year", "calendar-year-range", "The year must be between 2000 and 2099");
		}
	}

	private record Snapshot(WorkingCalendar calendar, long revision, long checkedAt) {
	}

}
