package dev.luoshi.work;

/** A file of a campaign's implementation plan. */
public record Attachment(long id, long campaignId, String fileName, String contentType, long size) {
}
