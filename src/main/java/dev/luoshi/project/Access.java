package dev.luoshi.project;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;

/** Who may act for a project's units. */
final class Access {

	private Access() {
	}

	/**
	 * The supervision office, an administrator, or an operator or head whose own unit
	 * (not a leader's portfolio) holds {@code unitId}.
	 */
	static CurrentUser requireUnitOrSupervisor(DataScopes scopes, Organization organization, long unitId) {
		CurrentUser user = scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
			return user;
		}
		if (user.hasAnyRole(Role.UNIT_OPERATOR, Role.UNIT_HEAD)
				&& organization.subtree(user.unitId()).contains(unitId)) {
			return user;
		}
		throw DomainException
			.forbidden("Only an operator of unit " + unitId + " or the supervision office may do this");
	}

}
