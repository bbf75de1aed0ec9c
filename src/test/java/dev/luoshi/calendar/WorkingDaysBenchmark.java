package dev.luoshi.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import tools.jackson.databind.json.JsonMapper;

/**
 * Working-day arithmetic as reverse scheduling and deadlines use it, on the bundled
 * official calendar: shifting a date by working days, counting them, adding working
 * hours.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WorkingDaysBenchmark {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private WorkingCalendar calendar;

	private WorkingHours hours;

	private LocalDate[] dates;

	private int next;

	@Setup
	public void load() {
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> working = new HashSet<>();
		Map<Integer, List<CalendarRepository.Day>> years = new CalendarImports(null, JsonMapper.builder().build())
			.bundledYears();
		years.values().forEach((days) -> days.forEach((day) -> (day.working() ? working : holidays).add(day.date())));
		this.calendar = new WorkingCalendar(holidays, working, years.keySet());
		this.hours = WorkingHours.parse("09:00-12:00,14:00-18:00");
		this.dates = new LocalDate[1024];
		for (int i = 0; i < this.dates.length; i++) {
			this.dates[i] = LocalDate.of(2024, 1, 1).plusDays(i * 7L % 1000);
		}
	}

	private LocalDate date() {
		this.next = (this.next + 1) & 1023;
		return this.dates[this.next];
	}

	/** 倒排: a milestone 60 working days before a deadline. */
	@Benchmark
	public LocalDate shiftBackSixtyWorkingDays() {
		return this.calendar.shift(date(), -60);
	}

	@Benchmark
	public int workingDaysInAHalfYear() {
		LocalDate from = date();
		return this.calendar.workingDaysBetween(from, from.plusDays(180));
	}

	/** A notice's deadline: 16 working hours from its issue. */
	@Benchmark
	public ZonedDateTime addSixteenWorkingHours() {
		return this.hours.add(this.calendar, date().atTime(16, 30).atZone(SHANGHAI), Duration.ofHours(16));
	}

}
