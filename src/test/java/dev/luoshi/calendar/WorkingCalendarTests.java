package dev.luoshi.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar of the project's data file, checked against the State Council's notices.
 */
class WorkingCalendarTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final WorkingCalendar CALENDAR = bundled();

	static final WorkingHours HOURS = WorkingHours.parse("09:00-12:00,14:00-18:00");

	/** Every weekend day that the notices of 2020–2026 made a working day (调休上班). */
	static final List<String> MAKE_UP_DAYS = List.of("2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28",
			"2020-09-27", "2020-10-10", "2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18",
			"2021-09-26", "2021-10-09", "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07",
			"2022-10-08", "2022-10-09", "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25",
			"2023-10-07", "2023-10-08", "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
			"2024-09-14", "2024-09-29", "2024-10-12", "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28",
			"2025-10-11", "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");

	@ParameterizedTest
	@MethodSource("makeUpDays")
	void everyMakeUpDayIsAWeekendDayThatIsWorked(LocalDate day) {
		assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(CALENDAR.isWorkingDay(day)).isTrue();
	}

	static Stream<LocalDate> makeUpDays() {
		return MAKE_UP_DAYS.stream().map(LocalDate::parse);
	}

	@Test
	void theDataFileHoldsExactlyTheseMakeUpDays() {
		assertThat(CALENDAR.workingWeekends()).containsExactlyInAnyOrderElementsOf(makeUpDays().toList());
	}

	@Test
	void everyOfficialHolidayOnAWeekdayIsOff() {
		Set<LocalDate> holidays = new HashSet<>(CALENDAR.holidays());
		assertThat(holidays).hasSizeGreaterThan(190);
		for (LocalDate holiday : holidays) {
			assertThat(CALENDAR.isWorkingDay(holiday)).as(holiday.toString()).isFalse();
		}
	}

	@Test
	void theGoldenWeeksAndSpringFestivalsAreOff() {
		Map<String, String> spans = Map.of("2026-10-01", "2026-10-07", "2026-02-15", "2026-02-23", "2025-10-01",
				"2025-10-08", "2024-02-10", "2024-02-17", "2020-01-24", "2020-02-02");
		spans.forEach((from, to) -> assertThat(CALENDAR.workingDaysBetween(LocalDate.parse(from), LocalDate.parse(to)))
			.as(from)
			.isZero());
	}

	@Test
	void shiftingByWorkingDaysCountsMakeUpDaysAndSkipsHolidays() {
		assertThat(CALENDAR.shift(LocalDate.parse("2026-10-12"), -2)).isEqualTo("2026-10-09");
		assertThat(CALENDAR.shift(LocalDate.parse("2026-10-09"), -3)).isEqualTo("2026-09-29");
		assertThat(CALENDAR.shift(LocalDate.parse("2026-12-31"), -60)).isEqualTo("2026-10-09");
		assertThat(CALENDAR.shift(LocalDate.parse("2026-09-30"), 1)).isEqualTo("2026-10-08");
		assertThat(CALENDAR.shift(LocalDate.parse("2026-10-09"), 1)).isEqualTo("2026-10-10");
		assertThat(CALENDAR.shift(LocalDate.parse("2026-10-10"), 0)).isEqualTo("2026-10-10");
		assertThat(CALENDAR.shift(LocalDate.parse("2026-10-04"), -1)).isEqualTo("2026-09-30");
	}

	@Test
	void shiftingAgreesWithCountingDayByDay() {
		LocalDate start = LocalDate.parse("2019-12-01");
		for (int i = 0; i < 2700; i += 7) {
			LocalDate date = start.plusDays(i);
			for (int n : new int[] { -45, -3, -1, 1, 2, 20, 250 }) {
				LocalDate shifted = CALENDAR.shift(date, n);
				LocalDate from = (n > 0) ? date.plusDays(1) : shifted;
				LocalDate to = (n > 0) ? shifted : date.minusDays(1);
				assertThat(CALENDAR.workingDaysBetween(from, to)).as(date + " " + n).isEqualTo(Math.abs(n));
				assertThat(CALENDAR.isWorkingDay(shifted)).isTrue();
			}
		}
	}

	@Test
	void countingWorkingDaysIncludesBothEnds() {
		assertThat(CALENDAR.workingDaysBetween(LocalDate.parse("2026-09-20"), LocalDate.parse("2026-09-27")))
			.isEqualTo(5);
		assertThat(CALENDAR.workingDaysBetween(LocalDate.parse("2026-10-09"), LocalDate.parse("2026-10-09")))
			.isEqualTo(1);
		assertThat(CALENDAR.workingDaysBetween(LocalDate.parse("2026-10-09"), LocalDate.parse("2026-10-08"))).isZero();
	}

	@Test
	void aYearWithoutAPublishedScheduleCountsOnlyWeekendsAndIsProvisional() {
		assertThat(CALENDAR.isProvisional(2027)).isTrue();
		assertThat(CALENDAR.isProvisional(2026)).isFalse();
		assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue();
		assertThat(CALENDAR.workingDaysBetween(LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-10")))
			.isEqualTo(5);
	}

	@Test
	void datesBeyondTheTableAreCountedByTheWeekendRule() {
		assertThat(CALENDAR.shift(LocalDate.parse("2100-01-04"), 5)).isEqualTo("2100-01-11");
		assertThat(CALENDAR.shift(LocalDate.parse("2099-12-30"), 3)).isEqualTo("2100-01-04");
		assertThat(CALENDAR.workingDaysBetween(LocalDate.parse("1999-12-27"), LocalDate.parse("2000-01-02")))
			.isEqualTo(5);
	}

	@Test
	void eightWorkingHoursAfterFridayAfternoonEndMondayAfternoon() {
		assertThat(add("2026-11-20T16:00", 8)).isEqualTo(at("2026-11-23T17:00"));
	}

	@Test
	void workingHoursSkipNightsLunchBreaksAndHolidaysAndCountMakeUpDays() {
		assertThat(add("2026-11-24T11:00", 2)).isEqualTo(at("2026-11-24T15:00"));
		assertThat(add("2026-11-24T17:00", 2)).isEqualTo(at("2026-11-25T10:00"));
		assertThat(add("2026-11-24T20:00", 1)).isEqualTo(at("2026-11-25T10:00"));
		assertThat(add("2026-09-30T17:00", 3)).isEqualTo(at("2026-10-08T11:00"));
		assertThat(add("2026-10-09T17:00", 2)).isEqualTo(at("2026-10-10T10:00"));
		assertThat(add("2026-11-24T09:00", 0)).isEqualTo(at("2026-11-24T09:00"));
	}

	@Test
	void workingHoursBetweenTwoMomentsCountOnlyWorkingTime() {
		assertThat(HOURS.between(CALENDAR, at("2026-11-20T16:00"), at("2026-11-23T17:00")))
			.isEqualTo(Duration.ofHours(8));
		assertThat(HOURS.between(CALENDAR, at("2026-09-30T09:00"), at("2026-10-08T09:00")))
			.isEqualTo(Duration.ofHours(7));
		assertThat(HOURS.between(CALENDAR, at("2026-11-23T17:00"), at("2026-11-20T16:00"))).isZero();
	}

	private static ZonedDateTime add(String start, int hours) {
		return HOURS.add(CALENDAR, at(start), Duration.ofHours(hours));
	}

	private static ZonedDateTime at(String local) {
		return java.time.LocalDateTime.parse(local).atZone(SHANGHAI);
	}

	private static WorkingCalendar bundled() {
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> working = new HashSet<>();
		Map<Integer, List<CalendarRepository.Day>> years = new CalendarImports(null, JsonMapper.builder().build())
			.bundledYears();
		years.values().forEach((days) -> days.forEach((day) -> (day.working() ? working : holidays).add(day.date())));
		return new WorkingCalendar(holidays, working, years.keySet());
	}

}
