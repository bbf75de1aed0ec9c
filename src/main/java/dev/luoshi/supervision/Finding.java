package dev.luoshi.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something found to need supervising, and where it came from: an inspection, a leader's
 * instruction (领导批示), a meeting decision (调度会 / 一线会商), or the escalation rules watching
 * the data (an overdue milestone, a missed report, a missing investment figure).
 */
public record Finding(long id, Source source, Long inspectionId, Long meetingId, Long leaderId, long unitId,
		String unitName, Long taskId, Long projectId, String description, LocalDate instructedOn, LocalDate deadline,
		Instant createdAt) {

	public enum Source {

		INSPECTION, INSTRUCTION, MEETING, MONITORING

	}

}
