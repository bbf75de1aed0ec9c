package dev.luoshi.identity;

import java.time.Instant;
import java.util.List;

/** An account as administrators see it; never with its password. */
public record Account(long id, String username, String displayName, long personId, long unitId, String unitName,
		List<Role> roles, List<Long> portfolioUnitIds, boolean enabled, Instant lockedUntil, int version,
		Instant passwordChangedAt) {
}
