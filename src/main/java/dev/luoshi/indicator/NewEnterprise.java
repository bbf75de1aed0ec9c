package dev.luoshi.indicator;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An enterprise to register: its unified social credit code (18 characters), name, the
 * street or town it is located in, industry and land area in 亩 (more than zero).
 */
public record NewEnterprise(@NotBlank @Size(max = 18) String code, @NotBlank @Size(max = 200) String name,
		@NotNull Long unitId, @Size(max = 100) String industry,
		@NotNull @Digits(integer = 10, fraction = 4) BigDecimal landArea) {
}
