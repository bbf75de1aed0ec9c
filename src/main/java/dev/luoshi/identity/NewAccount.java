package dev.luoshi.identity;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account to create. The person it belongs to is {@code personId}, or a new person
 * made from {@code displayName} and {@code unitId}.
 */
public record NewAccount(@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
		@NotNull String password, @Size(max = 100) String displayName, Long unitId, Long personId,
		@NotEmpty List<@NotNull Role> roles, List<@NotNull Long> portfolioUnitIds) {
}
