package dev.luoshi.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as the API writes it: a year ({@code 2026}), a quarter ({@code 2026Q3}) or a
 * month ({@code 2026-09}), with the days it spans. Indicators are kept per period,
 * rankings are computed per quarter or month, annual items belong to a year.
 *
 * @param name the period as written
 * @param kind whether it is a year, a quarter or a month
 * @param start its first day
 * @param end its last day
 */
public record Period(String name, Kind kind, LocalDate start, LocalDate end) {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?");

	/** The length of a period; years sort before quarters before months. */
	public enum Kind {

		YEAR, QUARTER, MONTH

	}

	/** Reads a period; anything else is refused (400) naming {@code field}. */
	public static Period parse(String field, String text) {
		Matcher matcher = FORMAT.matcher((text != null) ? text.strip().toUpperCase() : "");
		int year = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
		if (year < 1949 || year > 2999) {
			throw DomainException.invalid(field, "bad-period",
					"“" + text + "” is no period: write 2026, 2026Q1 or 2026-01", String.valueOf(text));
		}
		if (matcher.group(2) != null) {
			return quarter(year, Integer.parseInt(matcher.group(2)));
		}
		if (matcher.group(3) != null) {
			return month(YearMonth.of(year, Integer.parseInt(matcher.group(3))));
		}
		return ofYear(year);
	}

	public static Period ofYear(int year) {
		return new Period(String.valueOf(year), Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	public static Period quarter(int year, int quarter) {
		LocalDate start = LocalDate.of(year, quarter * 3 - 2, 1);
		return new Period(year + "Q" + quarter, Kind.QUARTER, start, start.plusMonths(3).minusDays(1));
	}

	public static Period month(YearMonth month) {
		return new Period(month.toString(), Kind.MONTH, month.atDay(1), month.atEndOfMonth());
	}

	/** The quarters of a year, in order. */
	public static List<Period> quartersOf(int year) {
		return List.of(quarter(year, 1), quarter(year, 2), quarter(year, 3), quarter(year, 4));
	}

	/** The period as written (the same as {@link #name()}). */
	public String code() {
		return this.name;
	}

	public int year() {
		return this.start.getYear();
	}

	/** The quarter (1–4) or month (1–12); 0 for a year. */
	public int part() {
		return switch (this.kind) {
			case YEAR -> 0;
			case QUARTER -> (this.start.getMonthValue() + 2) / 3;
			case MONTH -> this.start.getMonthValue();
		};
	}

	/** The period before this one of the same kind (2026Q1 → 2025Q4). */
	public Period previous() {
		return switch (this.kind) {
			case YEAR -> ofYear(year() - 1);
			case QUARTER -> (part() == 1) ? quarter(year() - 1, 4) : quarter(year(), part() - 1);
			case MONTH -> month(YearMonth.from(this.start).minusMonths(1));
		};
	}

	/** The same period a year earlier, against which growth (同比) is measured. */
	public Period sameLastYear() {
		return switch (this.kind) {
			case YEAR -> ofYear(year() - 1);
			case QUARTER -> quarter(year() - 1, part());
			case MONTH -> month(YearMonth.from(this.start).minusYears(1));
		};
	}

	/** The last month of the period, for year-to-date figures. */
	public YearMonth lastMonth() {
		return YearMonth.from(this.end);
	}

	/** The months the period spans, in order. */
	public List<YearMonth> months() {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth month = YearMonth.from(this.start); !month.isAfter(lastMonth()); month = month.plusMonths(1)) {
			months.add(month);
		}
		return months;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
