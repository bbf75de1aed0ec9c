package dev.luoshi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.luoshi.shared.DomainException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads schedules from files: the project's own data file (seeded into an empty calendar
 * at start-up) and a year in the public holiday-cn JSON format that administrators
 * import.
 */
@Service
public class CalendarImports {

	static final String DATA_FILE = "calendar/holidays-cn.json";

	private final Calendar calendar;

	private final JsonMapper json;

	CalendarImports(Calendar calendar, JsonMapper json) {
		this.calendar = calendar;
		this.json = json;
	}

	Map<Integer, List<CalendarRepository.Day>> bundledYears() {
		try (InputStream input = new ClassPathResource(DATA_FILE).getInputStream()) {
			Map<Integer, List<CalendarRepository.Day>> years = new TreeMap<>();
			JsonNode root = this.json.readTree(input);
			for (Map.Entry<String, JsonNode> year : root.path("years").properties()) {
				List<CalendarRepository.Day> days = new ArrayList<>();
				year.getValue().path("holidays").forEach((day) -> days.add(day(day, false)));
				year.getValue().path("workingWeekends").forEach((day) -> days.add(day(day, true)));
				years.put(Integer.valueOf(year.getKey()), days);
			}
			return years;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Imports one year from a file in the holiday-cn format: {@code {"year": 2027,
	 * "days": [{"name", "date", "isOffDay"}]}}. Days of other years in the file are left
	 * out; a working day that falls on a weekday changes nothing and is left out too.
	 */
	public CalendarYear importYear(InputStream input) {
		JsonNode root;
		try {
			root = this.json.readTree(input);
		}
		catch (JacksonException ex) {
			throw DomainException.invalid("file", "calendar-file-unreadable", "The file is not valid JSON");
		}
		if (root == null || !root.path("year").isInt() || !root.path("days").isArray()) {
			throw DomainException.invalid("file", "calendar-file-format",
					"The file needs a numeric \"year\" and a \"days\" list");
		}
		int year = root.path("year").asInt();
		List<CalendarRepository.Day> days = new ArrayList<>();
		for (JsonNode entry : root.path("days")) {
			LocalDate date = date(entry.path("date").asString(""));
			if (date.getYear() != year || !entry.path("isOffDay").isBoolean()) {
				continue;
			}
			boolean working = !entry.path("isOffDay").asBoolean();
			boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
			if (working && !weekend) {
				continue;
			}
			days.add(new CalendarRepository.Day(date, working, entry.path("name").asString(null)));
		}
		return this.calendar.replace(year, days, "导入：" + String.join("；", papers(root)));
	}

	private static List<String> papers(JsonNode root) {
		List<String> papers = new ArrayList<>();
		root.path("papers").forEach((paper) -> papers.add(paper.asString("")));
		return papers.isEmpty() ? List.of("holiday-cn") : papers;
	}

	private static CalendarRepository.Day day(JsonNode node, boolean working) {
		return new CalendarRepository.Day(LocalDate.parse(node.path("date").asString()), working,
				node.path("name").asString(null));
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid("file", "calendar-file-date", "Not a date: " + text, text);
		}
	}

}
