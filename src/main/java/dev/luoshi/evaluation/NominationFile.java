package dev.luoshi.evaluation;

import java.time.Instant;

/** A file backing a nomination's deeds: a commendation, a photo, a report. */
public record NominationFile(long id, long nominationId, String fileName, String contentType, long size,
		Instant attachedAt) {
}
