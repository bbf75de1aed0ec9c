package dev.luoshi.identity;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.shared.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides what a caller may see and change; every module asks it
 * instead of deciding for itself.
 */
@Service
@Transactional(readOnly = true)
public class DataScopes {

	private final Organization organization;

	private final People people;

	DataScopes(Organization organization, People people) {
		this.organization = organization;
		this.people = people;
	}

	/**
	 * The scope of the signed-in caller, or only what is published when nobody is signed
	 * in.
	 */
	public DataScope current() {
		return CurrentUsers.current().map(this::of).orElseGet(DataScope::publishedOnly);
	}

	public DataScope of(CurrentUser user) {
		if (user.hasAnyRole(Role.ADMIN, Role.SUPERVISOR)) {
			return DataScope.everything(user.personId(), user.accountId());
		}
		Set<Long> units = new HashSet<>();
		if (user.hasAnyRole(Role.LEADER, Role.UNIT_HEAD, Role.UNIT_OPERATOR)) {
			units.addAll(this.organization.subtree(user.unitId()));
		}
		if (user.hasRole(Role.LEADER)) {
			units.addAll(this.organization.subtrees(this.people.portfolio(user.personId())));
		}
		return new DataScope(false, units, user.personId(), user.accountId());
	}

	/** Refuses (403) unless the caller's scope holds the unit. */
	public void requireUnit(long unitId) {
		if (!current().includesUnit(unitId)) {
			throw DomainException.forbidden("Unit " + unitId + " is outside your data scope");
		}
	}

	/** The caller, if one is signed in. */
	public Optional<CurrentUser> caller() {
		return CurrentUsers.current();
	}

}
