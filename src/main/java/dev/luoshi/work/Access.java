package dev.luoshi.work;

import java.util.Collection;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;

/** Who may act for a task's units. */
final class Access {

	private Access() {
	}

	/**
	 * The supervision office, an administrator, or an operator or head whose own units
	 * include the lead unit.
	 */
	static void requireLeadUnitOrSupervisor(DataScopes scopes, long leadUnitId) {
		CurrentUser user = scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
			return;
		}
		if (user.hasAnyRole(Role.UNIT_OPERATOR, Role.UNIT_HEAD) && scopes.of(user).includesUnit(leadUnitId)) {
			return;
		}
		throw DomainException.forbidden("Only the lead unit or the supervision office may do this");
	}

	/**
	 * The unit among {@code involved} that an operator (or head) acts for: one in their
	 * own subtree. Refuses (403) when the caller is no operator or head of any of them.
	 */
	static long actingUnit(DataScopes scopes, Organization organization, Collection<Long> involved) {
		CurrentUser user = scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (user.hasAnyRole(Role.UNIT_OPERATOR, Role.UNIT_HEAD)) {
			var own = organization.subtree(user.unitId());
			for (Long unit : involved) {
				if (own.contains(unit)) {
					return unit;
				}
			}
		}
		throw DomainException.forbidden("Only an operator of the lead or a cooperating unit may report on this task");
	}

}
