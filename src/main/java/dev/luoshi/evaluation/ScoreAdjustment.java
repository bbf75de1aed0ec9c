package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A bonus (加分) or penalty (扣分) item of a unit in a scheme for a period; an approved
 * exemption (容错免责) keeps a penalty on record but out of the score.
 */
public record ScoreAdjustment(long id, long schemeId, long unitId, String unitName, String period, Kind kind,
		BigDecimal points, String reason, String evidence, boolean exempted, Instant createdAt, int version) {

	public enum Kind {

		BONUS, PENALTY

	}

}
