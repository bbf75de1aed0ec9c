package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.luoshi.work.Light;
import dev.luoshi.work.PersonRef;

/**
 * A key project as the API shows it. Lists leave out the plans, milestones and problems
 * ({@code null}); one project read alone has them.
 */
public record Project(long id, String code, String name, ProjectCategory category, Long headquartersId,
		List<HeadquartersRef> headquarters, List<Long> campaignIds, List<Integer> keyListYears, long leadUnitId,
		String leadUnitName, PersonRef responsibleLeader, Location location, BigDecimal totalInvestment,
		LocalDate startDate, LocalDate plannedCompletion, ProjectPhase phase, boolean registered, String description,
		Light light, InvestmentProgress progress, List<AnnualPlan> annualPlans, List<PhaseMilestone> milestones,
		List<CoordinationProblem> problems, long version) {

	public record HeadquartersRef(long id, String name) {
	}

	public record Location(String address, BigDecimal latitude, BigDecimal longitude) {
	}

	/** When a phase was planned to be reached (first plan kept as baseline) and was. */
	public record PhaseMilestone(long id, ProjectPhase phase, LocalDate plannedDate, LocalDate baselineDate,
			LocalDate completedOn, String note, Light light) {
	}

}
