package dev.luoshi.work;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A change to a task's plan by the supervision office; absent fields stay. A new deadline
 * keeps the first planned one as the baseline.
 */
public record TaskChanges(@Size(min = 1, max = 500) String title, LocalDate deadline, @Valid Target target,
		@DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal weight, Long responsibleLeaderId,
		@NotNull Integer version) {
}
