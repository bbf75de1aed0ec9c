package dev.luoshi.work;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to launch a campaign. */
public record NewCampaign(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}_.\\-]+") String code,
		@NotBlank @Size(max = 200) String name, @NotNull @Min(2000) @Max(2099) Integer year, Category category,
		@NotNull Long leadLeaderId, @NotNull Long leadUnitId, @NotNull LocalDate startDate, @NotNull LocalDate endDate,
		List<@NotNull Long> taskForceUserIds, @Size(max = 20000) String plan, ReportingCycle reportingCycle,
		@Min(1) @Max(28) Integer reportDueDay, @Size(max = 10) List<@NotNull @Valid PhasePlan> phases) {

	/** A phase to add. */
	public record PhasePlan(@NotBlank @Size(max = 100) String name, @NotNull LocalDate startDate,
			@NotNull LocalDate endDate) {
	}

}
