package dev.luoshi.organization;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A change to a unit; absent fields stay as they are. {@code parentId} moves the unit
 * (and its subtree) below another; {@code moveToRoot} makes it a root. {@code version}
 * must be the one read.
 */
public record UnitChanges(@Size(min = 1, max = 200) String name, UnitKind kind, Long parentId, Boolean moveToRoot,
		@Size(max = 64) String peerGroup, Integer sortOrder, @NotNull Integer version) {
}
