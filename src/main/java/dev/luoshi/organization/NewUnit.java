package dev.luoshi.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to create a unit. */
public record NewUnit(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}_.\\-]+") String code,
		@NotBlank @Size(max = 200) String name, @NotNull UnitKind kind, Long parentId, @Size(max = 64) String peerGroup,
		Integer sortOrder) {
}
