package dev.luoshi.indicator;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/**
 * An enterprise's figures for a year: tax paid and output value in yuan (to the fen),
 * energy use in tonnes of standard coal, R&D spending in yuan (optional). A
 * {@code version} that is no longer current is refused (409).
 */
public record FigureEntry(@NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal taxPaid,
		@NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal outputValue,
		@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal energyUse,
		@DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal rdSpending, Integer version) {
}
