package dev.luoshi.notification;

/** What a notification says and what it is about; {@code link} is a page path. */
public record Message(String subject, String body, String link, String entityType, String entityId) {
}
