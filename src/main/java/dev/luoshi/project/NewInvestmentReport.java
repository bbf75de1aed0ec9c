package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.YearMonth;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A month's completed investment in yuan. Give {@code version} to correct the figure
 * already filed for the month.
 */
public record NewInvestmentReport(@NotNull YearMonth month,
		@NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
		@Size(max = 4000) String narrative, Long version) {
}
