package dev.luoshi.identity;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A change to an account; absent fields stay as they are. */
public record AccountChanges(@Size(min = 1, max = 100) String displayName, Long unitId,
		@Size(min = 1) List<@NotNull Role> roles, Boolean enabled, List<@NotNull Long> portfolioUnitIds,
		@NotNull Integer version) {
}
