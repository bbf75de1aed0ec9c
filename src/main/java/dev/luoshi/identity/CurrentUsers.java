package dev.luoshi.identity;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads the signed-in account from the security context, and acts as an account where no
 * request does (the demo, the data generator, benchmarks): through the same facades,
 * rules and audit trail.
 */
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

	/** Runs an action on this thread as the given account, then signs it out again. */
	public static <T> T actingAs(CurrentUser user, Supplier<T> action) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
					user.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
