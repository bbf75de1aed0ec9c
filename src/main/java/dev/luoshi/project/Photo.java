package dev.luoshi.project;

import java.time.Instant;

/** A site photo (形象进度) attached to a monthly figure. */
public record Photo(long id, long reportId, String fileName, String contentType, long size, Instant uploadedAt) {
}
