package dev.luoshi.identity;

import java.io.Serializable;
import java.util.Set;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in account, as every request carries it (in a page session or behind an API
 * token).
 */
public record CurrentUser(long accountId, String username, String displayName, long personId, long unitId,
		Set<Role> roles) implements AuthenticatedPrincipal, Serializable {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	/** The username, which names the caller in sessions and in the audit trail. */
	@Override
	public String getName() {
		return this.username;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	public boolean hasAnyRole(Role... wanted) {
		for (Role role : wanted) {
			if (this.roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

}
