package dev.luoshi.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What it takes to record a person. */
public record NewPerson(@NotBlank @Size(max = 100) String name, @NotNull Long unitId, @Size(max = 200) String title,
		@Size(max = 40) String phone) {
}
