package dev.luoshi.shared;

/**
 * Checks of free text that arrives through the pages as well as the API (the pages' forms
 * do not pass Bean Validation): a 400 naming the field, never a database error.
 */
public final class Texts {

	private Texts() {
	}

	/** A text that must be given: stripped; blank or longer than {@code max} is 400. */
	public static String required(String field, String value, int max) {
		String text = optional(field, value, max);
		if (text == null) {
			throw DomainException.invalid(field, "required", field + " is required");
		}
		return text;
	}

	/** A text that may be left out: null when blank; longer than {@code max} is 400. */
	public static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw DomainException.invalid(field, "too-long", field + " has more than " + max + " characters", max);
		}
		return text;
	}

	/**
	 * Cuts a text made by the system (e.g. from a long task title) to a column's length.
	 */
	public static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
