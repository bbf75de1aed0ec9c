package dev.luoshi.evaluation.web;

import java.time.LocalDate;

/** The quarter a form about a scheme starts with. */
final class Quarters {

	private Quarters() {
	}

	/**
	 * Today's quarter in the scheme's year; the last quarter of a past year, the first of
	 * a later one.
	 */
	static String of(int schemeYear, LocalDate today) {
		if (today.getYear() == schemeYear) {
			return schemeYear + "Q" + ((today.getMonthValue() + 2) / 3);
		}
		return schemeYear + ((today.getYear() > schemeYear) ? "Q4" : "Q1");
	}

}
