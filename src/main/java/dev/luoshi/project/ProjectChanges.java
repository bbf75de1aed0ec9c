package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A change to a project; absent fields stay as they are. {@code version} must be current.
 */
public record ProjectChanges(@NotNull Long version, @Size(min = 1, max = 300) String name, ProjectCategory category,
		ProjectPhase phase, Long responsibleLeaderId, @Size(max = 300) String address,
		@DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal totalInvestment, LocalDate plannedCompletion,
		Boolean registered, @Size(max = 4000) String description) {
}
