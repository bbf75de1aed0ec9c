package dev.luoshi.identity;

import java.util.Collection;
import java.util.Set;

/**
 * What a caller may see and change: everything (the supervision office and
 * administrators), or the units of their own subtree plus the subtrees of a leader's
 * portfolio, plus whatever is published. Modules pass it to their queries as a typed
 * parameter; it is never assembled into SQL text.
 *
 * @param all whether the caller sees every unit
 * @param unitIds the units the caller sees when not {@code all}
 * @param personId the person behind the caller (for a leader's portfolio of campaigns),
 * or null
 * @param accountId the caller's account (for the task forces it belongs to), or null
 */
public record DataScope(boolean all, Set<Long> unitIds, Long personId, Long accountId) {

	public DataScope {
		unitIds = Set.copyOf(unitIds);
	}

	public static DataScope everything(Long personId, Long accountId) {
		return new DataScope(true, Set.of(), personId, accountId);
	}

	/** Only what is published: anonymous visitors and observers. */
	public static DataScope publishedOnly() {
		return new DataScope(false, Set.of(), null, null);
	}

	public boolean includesUnit(long unitId) {
		return this.all || this.unitIds.contains(unitId);
	}

	public boolean includesAny(Collection<Long> units) {
		return this.all || units.stream().anyMatch(this.unitIds::contains);
	}

}
