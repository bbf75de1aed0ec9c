package dev.luoshi.indicator;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A value to enter for an indicator, region and period. What is left out keeps its stored
 * value; a {@code version} that is no longer current is refused (409).
 *
 * @param indicator the indicator's code
 * @param growth growth on the same period last year in percent; leave it out to have it
 * computed from last year's actual
 */
public record ValueEntry(@NotBlank @Size(max = 64) String indicator, @NotNull Long regionId,
		@NotBlank @Size(max = 16) String period, @Digits(integer = 16, fraction = 4) BigDecimal target,
		@Digits(integer = 16, fraction = 4) BigDecimal actual, @Digits(integer = 8, fraction = 4) BigDecimal growth,
		Integer version) {
}
