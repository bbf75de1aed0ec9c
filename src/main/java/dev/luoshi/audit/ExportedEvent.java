package dev.luoshi.audit;

import java.time.Instant;

/**
 * One audit event as exported: every stored field exactly as it was digested (the states
 * before and after as their stored JSON text) and the digest of the event before it, so
 * that each line can be verified without the database.
 */
public record ExportedEvent(long seq, Instant at, String actor, String entityType, String entityId, String action,
		String before, String after, String algorithm, String digest, String previousDigest) {
}
