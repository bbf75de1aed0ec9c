package dev.luoshi.shared;

import java.time.LocalDate;

/**
 * The dates a request may name. ISO dates reach the year 999,999,999, where adding a day
 * overflows and the databases refuse the value; no work of a government falls outside
 * 1900–2199.
 */
public final class SupportedDates {

	public static final int FIRST_YEAR = 1900;

	public static final int LAST_YEAR = 2199;

	private SupportedDates() {
	}

	/** Refuses (400 naming {@code field}) a date outside the supported years. */
	public static LocalDate require(String field, LocalDate date) {
		if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
			throw DomainException.invalid(field, "date-range", "The date must fall between 1900 and 2199", FIRST_YEAR,
					LAST_YEAR);
		}
		return date;
	}

}
