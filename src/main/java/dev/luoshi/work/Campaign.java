package dev.luoshi.work;

import java.time.LocalDate;
import java.util.List;

/** A campaign as its readers see it. */
public record Campaign(long id, String code, String name, int year, Category category, PersonRef leadLeader,
		long leadUnitId, String leadUnitName, LocalDate startDate, LocalDate endDate, String plan,
		ReportingCycle reportingCycle, int reportDueDay, List<Phase> phases, List<Long> taskForceUserIds,
		List<Long> portfolioLeaderIds, LightCounts lights, int version) {

	/** A phase of the campaign, e.g. 一年重谋划. */
	public record Phase(String name, LocalDate startDate, LocalDate endDate) {
	}

	/** How many of the campaign's tasks show each light. */
	public record LightCounts(long green, long yellow, long red, long done) {
	}

}
