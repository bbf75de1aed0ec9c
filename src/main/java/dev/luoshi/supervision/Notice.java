package dev.luoshi.supervision;

import java.time.Instant;

/** A supervision notice (督办单) as the API shows it. */
public record Notice(long id, String number, NoticeLevel level, String card, long unitId, String unitName,
		String subject, String body, Long taskId, Long projectId, Long findingId, Long escalatedFrom, String ruleCode,
		Instant issuedAt, Instant dueAt, NoticeStatus status, boolean overdue, Long acknowledgedBy,
		Instant acknowledgedAt, String response, Instant respondedAt, Instant closedAt, long version) {
}
