package dev.luoshi.indicator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An indicator to add to the catalogue; {@code higherIsBetter} defaults to true. */
public record NewIndicator(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
		@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 32) String unit, Boolean higherIsBetter,
		@Size(max = 2000) String description) {
}
