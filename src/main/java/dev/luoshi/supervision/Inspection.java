package dev.luoshi.supervision;

import java.time.LocalDate;

/**
 * An inspection (督查): monthly ROUTINE, SPECIAL on one matter, or UNANNOUNCED (暗访); who
 * inspects, what, when, and what was found.
 */
public record Inspection(long id, Kind kind, String title, String scope, String inspectors, LocalDate plannedOn,
		LocalDate doneOn, String summary, int findings) {

	public enum Kind {

		ROUTINE, SPECIAL, UNANNOUNCED

	}

}
