package dev.luoshi.work;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A measurable target: an indicator, its target value and the unit of measure. */
public record Target(@NotBlank @Size(max = 200) String indicator, @Digits(integer = 16, fraction = 4) BigDecimal value,
		@Size(max = 50) String unit) {
}
