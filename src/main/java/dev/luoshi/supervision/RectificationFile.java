package dev.luoshi.supervision;

import java.time.Instant;

/** A file the unit attached to a rectification as evidence: a photo, a scan, a ledger. */
public record RectificationFile(long id, long rectificationId, String fileName, String contentType, long size,
		Instant attachedAt) {
}
