package dev.luoshi.indicator;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.shared.DomainException;

/**
 * Who may enter figures for a region or an enterprise's unit: the supervision office and
 * administrators anywhere, a unit's head or liaison (e.g. of the statistics bureau or a
 * street) within their data scope.
 */
final class Access {

	private final CurrentUser user;

	private final DataScope scope;

	private Access(CurrentUser user, DataScope scope) {
		this.user = user;
		this.scope = scope;
	}

	/** The caller's rights, read once (e.g. for every row of a ledger). */
	static Access of(DataScopes scopes) {
		CurrentUser user = scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		return new Access(user, scopes.of(user));
	}

	CurrentUser user() {
		return this.user;
	}

	boolean mayWrite(long unitId) {
		if (this.user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
			return true;
		}
		return this.user.hasAnyRole(Role.UNIT_HEAD, Role.UNIT_OPERATOR) && this.scope.includesUnit(unitId);
	}

	void requireWrite(long unitId) {
		if (!mayWrite(unitId)) {
			throw DomainException.forbidden("Unit " + unitId + " is outside your data scope");
		}
	}

}
