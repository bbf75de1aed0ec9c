package dev.luoshi.organization;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A change to a person; absent fields stay as they are. */
public record PersonChanges(@Size(min = 1, max = 100) String name, Long unitId, @Size(max = 200) String title,
		@Size(max = 40) String phone, @NotNull Integer version) {
}
