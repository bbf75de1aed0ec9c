package dev.luoshi.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** One recorded change, with the states before and after as JSON. */
public record AuditEvent(long seq, Instant at, String actor, String entityType, String entityId, String action,
		JsonNode before, JsonNode after, String algorithm, String digest) {
}
