package dev.luoshi.calendar.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.luoshi.calendar.Calendar;
import dev.luoshi.calendar.CalendarImports;
import dev.luoshi.calendar.CalendarYear;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.Problems;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar page: a year at a glance, and for administrators its schedule and an
 * import.
 */
@Controller
class CalendarPages {

	private final Calendar calendar;

	private final CalendarImports imports;

	private final MessageSource messages;

	private final Clock clock;

	CalendarPages(Calendar calendar, CalendarImports imports, MessageSource messages, Clock clock) {
		this.calendar = calendar;
		this.imports = imports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/calendar")
	String year(@RequestParam(required = false) Integer year, Model model) {
		int shown = (year != null) ? year : LocalDate.now(this.clock).getYear();
		CalendarYear schedule = this.calendar.year(shown);
		model.addAttribute("schedule", schedule);
		model.addAttribute("months", months(shown, schedule));
		model.addAttribute("workingDays",
				this.calendar.workingDaysBetween(LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31)));
		model.addAttribute("holidayText", lines(schedule.holidays()));
		model.addAttribute("makeupText", lines(schedule.workingWeekends()));
		return "calendar";
	}

	@PostMapping("/calendar/{year}")
	@PreAuthorize("hasRole('ADMIN')")
	String replace(@PathVariable int year, @RequestParam String holidays, @RequestParam String workingWeekends,
			RedirectAttributes redirect, Locale locale) {
		try {
			this.calendar.replaceYear(year, dates("holidays", holidays), dates("workingWeekends", workingWeekends),
					"manual");
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("calendar.saved", new Object[] { year }, locale));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", Problems.message(this.messages, ex, locale));
		}
		return "redirect:/calendar?year=" + year;
	}

	@PostMapping("/calendar/import")
	@PreAuthorize("hasRole('ADMIN')")
	String importYear(@RequestParam("file") MultipartFile file, RedirectAttributes redirect, Locale locale)
			throws IOException {
		try (InputStream input = file.getInputStream()) {
			CalendarYear year = this.imports.importYear(input);
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("calendar.imported", new Object[] { year.year() }, locale));
			return "redirect:/calendar?year=" + year.year();
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", Problems.message(this.messages, ex, locale));
			return "redirect:/calendar";
		}
	}

	private List<Month> months(int year, CalendarYear schedule) {
		List<Month> months = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			YearMonth yearMonth = YearMonth.of(year, month);
			List<Day> cells = new ArrayList<>();
			int blanks = yearMonth.atDay(1).getDayOfWeek().getValue() - 1;
			for (int i = 0; i < blanks; i++) {
				cells.add(null);
			}
			for (int day = 1; day <= yearMonth.lengthOfMonth(); day++) {
				LocalDate date = yearMonth.atDay(day);
				cells.add(new Day(day, kind(date, schedule)));
			}
			List<List<Day>> weeks = new ArrayList<>();
			for (int start = 0; start < cells.size(); start += 7) {
				List<Day> week = new ArrayList<>(cells.subList(start, Math.min(start + 7, cells.size())));
				while (week.size() < 7) {
					week.add(null);
				}
				weeks.add(week);
			}
			months.add(new Month(month, weeks));
		}
		return months;
	}

	private static String kind(LocalDate date, CalendarYear schedule) {
		if (schedule.holidays().contains(date)) {
			return "off";
		}
		if (schedule.workingWeekends().contains(date)) {
			return "makeup";
		}
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		return weekend ? "weekend" : "working";
	}

	private static String lines(List<LocalDate> dates) {
		return String.join("\n", dates.stream().map(LocalDate::toString).toList());
	}

	private static List<LocalDate> dates(String field, String text) {
		try {
			return Arrays.stream(text.split("[\\s,，、;；]+"))
				.filter((part) -> !part.isBlank())
				.map(LocalDate::parse)
				.toList();
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid(field, "calendar-file-date", "Not a date: " + ex.getParsedString(),
					ex.getParsedString());
		}
	}

	/** A month as weeks of seven cells (null where the month has no day). */
	record Month(int month, List<List<Day>> weeks) {
	}

	/** A day of the month and whether it is working, off, a make-up day or a weekend. */
	record Day(int day, String kind) {
	}

}
