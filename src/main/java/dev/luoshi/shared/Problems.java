package dev.luoshi.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The localised text of a refusal, for pages that show it beside a form. */
public final class Problems {

	private Problems() {
	}

	public static String message(MessageSource messages, DomainException ex, Locale locale) {
		return messages.getMessage("problem." + ex.code(), ex.args(), ex.getMessage(), locale);
	}

	/**
	 * Runs a page's action and leaves the outcome for the page shown next: the notice
	 * {@code noticeKey} when it went through, the refusal's text when it was refused.
	 */
	public static void attempt(RedirectAttributes redirect, MessageSource messages, Locale locale, String noticeKey,
			Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", messages.getMessage(noticeKey, null, locale));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", message(messages, ex, locale));
		}
	}

}
