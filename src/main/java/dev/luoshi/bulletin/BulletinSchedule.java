package dev.luoshi.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A report book (报告簿): a bulletin generated on the {@code workingDay}-th working day of
 * each month — the previous month's supervision bulletin, or the ranking bulletin of a
 * scheme's latest published period — and delivered to the recipients' inboxes.
 */
public record BulletinSchedule(long id, Bulletin.Kind kind, Long schemeId, int workingDay, List<Long> recipientIds,
		long createdBy, Instant createdAt, LocalDate lastRunOn) {

	/** What the office asks for. */
	public record NewSchedule(Bulletin.Kind kind, Long schemeId, Integer workingDay, List<Long> recipientIds) {
	}

}
