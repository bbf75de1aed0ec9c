package dev.luoshi.supervision;

import java.time.Instant;

/**
 * A file of supervision: a rectification's evidence (a photo, a scan, a ledger) or an
 * inspection's site photo.
 */
public record SupervisionFile(long id, Owner owner, long ownerId, String fileName, String contentType, long size,
		Instant attachedAt) {

	/** What a file belongs to. */
	public enum Owner {

		RECTIFICATION, INSPECTION

	}

}
