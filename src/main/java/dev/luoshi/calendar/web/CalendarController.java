package dev.luoshi.calendar.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.luoshi.calendar.Calendar;
import dev.luoshi.calendar.CalendarImports;
import dev.luoshi.calendar.CalendarYear;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.SupportedDates;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Working-day arithmetic for everyone signed in; the schedule itself for administrators.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Validated
class CalendarController {

	private static final long MAX_SPAN_DAYS = 20 * 366;

	private final Calendar calendar;

	private final CalendarImports imports;

	CalendarController(Calendar calendar, CalendarImports imports) {
		this.calendar = calendar;
		this.imports = imports;
	}

	@GetMapping("/shift")
	Map<String, LocalDate> shift(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam @Min(-3660) @Max(3660) int workingDays) {
		SupportedDates.require("date", date);
		return Map.of("date", this.calendar.shift(date, workingDays));
	}

	@GetMapping("/working-days")
	Map<String, Integer> workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		SupportedDates.require("from", from);
		SupportedDates.require("to", to);
		if (ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
			throw DomainException.invalid("to", "calendar-span", "The span may be at most 20 years");
		}
		return Map.of("count", this.calendar.workingDaysBetween(from, to));
	}

	/** The moment when {@code hours} working hours have passed after {@code from}. */
	@GetMapping("/working-hours")
	Map<String, OffsetDateTime> workingHours(
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam @Min(0) @Max(2000) int hours) {
		SupportedDates.require("from", from.toLocalDate());
		ZonedDateTime at = this.calendar.addWorkingHours(from.toZonedDateTime(), Duration.ofHours(hours));
		return Map.of("at", at.toOffsetDateTime());
	}

	@GetMapping("/{year}")
	CalendarYear year(@PathVariable int year) {
		return this.calendar.year(year);
	}

	@PutMapping("/{year}")
	@PreAuthorize("hasRole('ADMIN')")
	CalendarYear replace(@PathVariable int year, @Valid @RequestBody Schedule schedule) {
		return this.calendar.replaceYear(year, schedule.holidays(), schedule.workingWeekends(), "manual");
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	CalendarYear importYear(@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream input = file.getInputStream()) {
			return this.imports.importYear(input);
		}
	}

	/**
	 * A year's whole schedule. Both lists are required (an empty one says "none"): a body
	 * that names neither used to replace the year's official schedule with nothing.
	 */
	record Schedule(@NotNull List<@NotNull LocalDate> holidays, @NotNull List<@NotNull LocalDate> workingWeekends) {

	}

}
