package dev.luoshi.work;

import java.time.Instant;
import java.util.List;

/**
 * A responsibility letter (责任状) of one lead unit for a campaign: its tasks and targets.
 * When signed its content is frozen with an SM3 digest; {@code matchesCurrent} says
 * whether the tasks still read as they did then.
 */
public record Letter(long id, long campaignId, long unitId, String unitName, List<Long> taskIds, String content,
		Instant signedAt, Long signedBy, String digest, boolean matchesCurrent) {
}
