package dev.luoshi.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** The localised text of a refusal, for pages that show it beside a form. */
public final class Problems {

	private Problems() {
	}

	public static String message(MessageSource messages, DomainException ex, Locale locale) {
		return messages.getMessage("problem." + ex.code(), ex.args(), ex.getMessage(), locale);
	}

}
