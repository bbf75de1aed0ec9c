package dev.luoshi.identity.web;

import java.util.Locale;
import java.util.Optional;

import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.CurrentUsers;
import dev.luoshi.identity.SignInRefused;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.Problems;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing one's password: signed in, with the current password; or signed out with the
 * username and current password, which is how an expired password is replaced before
 * signing in again.
 */
@Controller
class PasswordPages {

	private final Accounts accounts;

	private final MessageSource messages;

	PasswordPages(Accounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/password")
	String form(Model model) {
		Optional<CurrentUser> user = CurrentUsers.current();
		model.addAttribute("signedIn", user.isPresent());
		user.ifPresent(
				(caller) -> model.addAttribute("expiresAt", this.accounts.passwordExpiresAt(caller.accountId())));
		return "password";
	}

	@PostMapping("/password")
	String change(@RequestParam(required = false) String username, @RequestParam String oldPassword,
			@RequestParam String newPassword, @RequestParam String confirmPassword, RedirectAttributes redirect,
			Locale locale) {
		Optional<CurrentUser> user = CurrentUsers.current();
		if (!newPassword.equals(confirmPassword)) {
			redirect.addFlashAttribute("error", this.messages.getMessage("password.mismatch", null, locale));
			return "redirect:/password";
		}
		try {
			if (user.isPresent()) {
				this.accounts.changePassword(user.get().accountId(), oldPassword, newPassword, false);
			}
			else {
				this.accounts.changeExpiredPassword((username != null) ? username.strip() : null, oldPassword,
						newPassword);
			}
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", Problems.message(this.messages, ex, locale));
			return "redirect:/password";
		}
		catch (SignInRefused ex) {
			redirect.addFlashAttribute("error",
					this.messages.getMessage(ex.locked() ? "login.locked" : "login.error", null, locale));
			return "redirect:/password";
		}
		if (user.isEmpty()) {
			return "redirect:/login?changed";
		}
		redirect.addFlashAttribute("notice", this.messages.getMessage("password.changed", null, locale));
		return "redirect:/password";
	}

}
