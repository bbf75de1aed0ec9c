package dev.luoshi.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.luoshi.shared.DomainException;

/**
 * A period rankings and items belong to: a quarter {@code 2026Q1}, a month
 * {@code 2026-03} or a year {@code 2026} (annual items).
 */
public record Period(String name, Kind kind, LocalDate start, LocalDate end) {

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	public enum Kind {

		QUARTER, MONTH, YEAR

	}

	/** Reads a period, refusing (400 naming the field) anything else. */
	public static Period parse(String field, String text) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid(field, "required", field + " is required");
		}
		String value = text.strip();
		Matcher quarter = QUARTER.matcher(value);
		if (quarter.matches()) {
			return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
		}
		Matcher month = MONTH.matcher(value);
		if (month.matches()) {
			return month(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))));
		}
		if (YEAR.matcher(value).matches()) {
			int year = Integer.parseInt(value);
			return new Period(value, Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		}
		throw DomainException.invalid(field, "bad-period", "Not a period (2026Q1, 2026-03 or 2026): " + value, value);
	}

	public static Period quarter(int year, int quarter) {
		LocalDate start = LocalDate.of(year, quarter * 3 - 2, 1);
		return new Period(year + "Q" + quarter, Kind.QUARTER, start, start.plusMonths(3).minusDays(1));
	}

	public static Period month(YearMonth month) {
		return new Period(month.toString(), Kind.MONTH, month.atDay(1), month.atEndOfMonth());
	}

	public int year() {
		return this.start.getYear();
	}

	/** The period before this one of the same kind (2026Q1 → 2025Q4). */
	public Period previous() {
		return switch (this.kind) {
			case QUARTER -> {
				int quarter = (this.start.getMonthValue() + 2) / 3;
				yield (quarter == 1) ? quarter(year() - 1, 4) : quarter(year(), quarter - 1);
			}
			case MONTH -> month(YearMonth.from(this.start).minusMonths(1));
			case YEAR -> parse("period", String.valueOf(year() - 1));
		};
	}

	/** The last month of the period, for year-to-date figures. */
	public YearMonth lastMonth() {
		return YearMonth.from(this.end);
	}

	/** The months the period spans. */
	public java.util.List<YearMonth> months() {
		java.util.List<YearMonth> months = new java.util.ArrayList<>();
		for (YearMonth month = YearMonth.from(this.start); !month.isAfter(lastMonth()); month = month.plusMonths(1)) {
			months.add(month);
		}
		return months;
	}

	/** The quarters of a year, in order. */
	public static java.util.List<Period> quartersOf(int year) {
		return java.util.List.of(quarter(year, 1), quarter(year, 2), quarter(year, 3), quarter(year, 4));
	}

	@Override
	public String toString() {
		return this.name;
	}

}
