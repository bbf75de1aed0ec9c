package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A person's record of results (实绩档案) for a year: the tasks they answer for as
 * responsible leader and their milestones, the notices their units received, where those
 * units were placed in published rankings and annual grades, and the awards they won.
 *
 * @param units the person's own unit and, for a leader, the units in charge (分管)
 */
public record PersonRecord(Who person, int year, List<UnitLine> units, Tasks tasks, Milestones milestones,
		Notices notices, List<Placing> rankings, List<Grade> annualGrades, List<Award> awards) {

	public record Who(long id, String name, String title, long unitId, String unitName) {
	}

	public record UnitLine(long id, String name) {
	}

	/**
	 * The tasks of the year (their span overlaps it, cancelled ones left out).
	 *
	 * @param overdue not done and past the deadline
	 * @param red with a RED light
	 */
	public record Tasks(int total, int done, int overdue, int red, List<TaskLine> items) {
	}

	public record TaskLine(long id, long campaignId, String campaignName, String title, String light,
			LocalDate deadline, boolean done, boolean overdue) {
	}

	/**
	 * The milestones of those tasks due in the year.
	 *
	 * @param onTime completed on or before the due date
	 */
	public record Milestones(int due, int done, int onTime) {
	}

	/** Notices issued to the units in the year, by level (every level, mildest first). */
	public record Notices(int total, Map<String, Integer> byLevel) {
	}

	/**
	 * A place in a published ranking of the year.
	 *
	 * @param movement previous rank minus this rank: positive is a rise (进位)
	 */
	public record Placing(String schemeName, String period, long unitId, String unitName, String peerGroup, int rank,
			Integer previousRank, Integer movement, BigDecimal score) {
	}

	/** An annual assessment's grade: EXCELLENT, GOOD, FAIR or POOR. */
	public record Grade(String schemeName, int year, long unitId, String unitName, BigDecimal score, int rank,
			String grade) {
	}

	/** Selected as an exemplary cadre in a published round. */
	public record Award(long nominationId, long roundId, String roundName, int year, String deeds, String comment) {
	}

}
