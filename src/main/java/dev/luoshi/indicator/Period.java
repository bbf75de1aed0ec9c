package dev.luoshi.indicator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.luoshi.shared.DomainException;

/**
 * A statistical period as the API writes it: a year ({@code 2026}), a quarter
 * ({@code 2026Q3}) or a month ({@code 2026-09}).
 *
 * @param code the period as written
 * @param year its calendar year
 * @param kind whether it is a year, a quarter or a month
 * @param part the quarter (1–4) or month (1–12); 0 for a year
 */
public record Period(String code, int year, Kind kind, int part) {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?");

	/** The length of a period. */
	public enum Kind {

		YEAR, QUARTER, MONTH

	}

	/**
	 * Reads a period; anything else is refused (400) naming {@code field}.
	 */
	public static Period parse(String field, String text) {
		Matcher matcher = FORMAT.matcher((text != null) ? text.strip().toUpperCase() : "");
		if (!matcher.matches()) {
			throw DomainException.invalid(field, "bad-period",
					"“" + text + "” is no period: write 2026, 2026Q1 or 2026-01", String.valueOf(text));
		}
		int year = Integer.parseInt(matcher.group(1));
		if (year < 1949 || year > 2999) {
			throw DomainException.invalid(field, "bad-period",
					"“" + text + "” is no period: write 2026, 2026Q1 or 2026-01", String.valueOf(text));
		}
		if (matcher.group(2) != null) {
			return new Period(matcher.group(0), year, Kind.QUARTER, Integer.parseInt(matcher.group(2)));
		}
		if (matcher.group(3) != null) {
			return new Period(matcher.group(0), year, Kind.MONTH, Integer.parseInt(matcher.group(3)));
		}
		return new Period(matcher.group(0), year, Kind.YEAR, 0);
	}

	/** The same period a year earlier, against which growth (同比) is measured. */
	public Period sameLastYear() {
		int earlier = this.year - 1;
		String text = switch (this.kind) {
			case YEAR -> String.valueOf(earlier);
			case QUARTER -> earlier + "Q" + this.part;
			case MONTH -> String.format("%d-%02d", earlier, this.part);
		};
		return new Period(text, earlier, this.kind, this.part);
	}

	@Override
	public String toString() {
		return this.code;
	}

}
