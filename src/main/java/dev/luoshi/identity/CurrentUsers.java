package dev.luoshi.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in account from the security context. */
public final class CurrentUsers {

	private CurrentUsers() {
	}

	public static Optional<CurrentUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public static CurrentUser require() {
		return current().orElseThrow(() -> new IllegalStateException("No signed-in user"));
	}

}
