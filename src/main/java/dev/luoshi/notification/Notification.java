package dev.luoshi.notification;

import java.time.Instant;

/** An entry of a user's inbox. */
public record Notification(long id, String subject, String body, String link, String entityType, String entityId,
		Instant createdAt, boolean read) {
}
