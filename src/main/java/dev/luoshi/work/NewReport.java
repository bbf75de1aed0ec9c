package dev.luoshi.work;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A progress report to file: the period ({@code 2026-03} or {@code 2026-W12}), percent
 * done and what happened.
 */
public record NewReport(@NotBlank @Size(max = 10) String period,
		@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percent,
		@NotBlank @Size(max = 5000) String narrative, @Size(max = 5000) String problems,
		@Size(max = 5000) String nextSteps) {
}
