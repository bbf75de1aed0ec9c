package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What it takes to register a key project. Amounts are yuan, at most to the fen. Besides
 * its own headquarters a project may belong to other headquarters, to campaigns and to
 * the key-project lists of some years.
 */
public record NewProject(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}_.\\-]+") String code,
		@NotBlank @Size(max = 300) String name, @NotNull ProjectCategory category, Long headquartersId,
		List<@NotNull Long> otherHeadquartersIds, List<@NotNull Long> campaignIds,
		List<@NotNull @Min(2000) @Max(2099) Integer> keyListYears, @NotNull Long leadUnitId, Long responsibleLeaderId,
		@Size(max = 300) String address,
		@DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 6) BigDecimal latitude,
		@DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) BigDecimal longitude,
		@NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal totalInvestment,
		@NotNull LocalDate startDate, @NotNull LocalDate plannedCompletion, @NotNull ProjectPhase phase,
		Boolean registered, @Size(max = 4000) String description,
		@Size(max = 20) List<@Valid @NotNull AnnualPlan> annualPlans,
		@Size(max = 6) List<@Valid @NotNull PlannedPhase> milestones) {

	/** When a phase is planned to be reached. */
	public record PlannedPhase(@NotNull ProjectPhase phase, @NotNull LocalDate plannedDate) {
	}

}
