package dev.luoshi.audit;

/**
 * The result of walking the chain: whether it is intact, how many events it holds, and
 * the sequence number of the first event that does not match (null when intact).
 */
public record Verification(boolean valid, long events, Long firstBrokenAt) {
}
