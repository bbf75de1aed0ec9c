package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

/** An assessor's score of a unit on an ASSESSOR_SCORE indicator for a period. */
public record AssessorScore(long schemeId, String indicator, String period, long unitId, BigDecimal score,
		long enteredBy, Instant enteredAt) {
}
