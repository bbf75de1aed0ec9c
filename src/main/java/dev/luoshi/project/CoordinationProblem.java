package dev.luoshi.project;

import java.time.Instant;
import java.time.LocalDate;

/** A problem needing coordination (需协调解决问题): what, who must solve it, by when. */
public record CoordinationProblem(long id, long projectId, String description, long solverUnitId, String solverUnitName,
		LocalDate dueDate, Status status, String resolution, LocalDate solvedOn, Instant raisedAt, boolean overdue,
		long version) {

	public enum Status {

		OPEN, SOLVED

	}

}
