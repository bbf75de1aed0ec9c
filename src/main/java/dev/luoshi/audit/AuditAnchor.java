package dev.luoshi.audit;

import java.time.Instant;

/**
 * The head of the audit chain at a moment: kept outside the database (copied by an
 * auditor, or exported periodically), it proves later that the chain up to {@code seq}
 * has not been rewritten, even by someone able to recompute every digest.
 *
 * @param seq the last event's sequence number (0 for an empty chain)
 * @param digest the last event's digest, which covers every event before it
 * @param algorithm the digest's algorithm (SM3 or SHA-256)
 * @param eventAt when the last event was recorded, or null for an empty chain
 * @param at when this head was read
 */
public record AuditAnchor(long seq, String digest, String algorithm, Instant eventAt, Instant at) {
}
