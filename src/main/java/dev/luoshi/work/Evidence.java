package dev.luoshi.work;

/**
 * A file attached to a progress report as evidence: a photo, a PDF, a Word or Excel
 * document.
 */
public record Evidence(long id, long reportId, String fileName, String contentType, long size) {
}
