package dev.luoshi.work;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A task to add to a campaign's task book. Milestones are given by date or as a number of
 * working days before the deadline.
 */
public record NewTask(Long parentId, @NotBlank @Size(max = 500) String title, @NotNull Long leadUnitId,
		@Size(max = 50) List<@NotNull Long> cooperatingUnitIds, Long responsibleLeaderId, Long territorialUnitId,
		@NotNull LocalDate deadline, LocalDate startDate,
		@DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal weight, @Valid Target target,
		@Size(max = 50) List<@Valid @NotNull MilestonePlan> milestones) {

	/**
	 * A milestone to schedule: {@code dueDate}, or {@code workingDaysBeforeDeadline}
	 * (倒排).
	 */
	public record MilestonePlan(@NotBlank @Size(max = 200) String name, LocalDate dueDate,
			@Min(0) @Max(2000) Integer workingDaysBeforeDeadline) {
	}

}
