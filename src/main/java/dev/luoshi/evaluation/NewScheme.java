package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A scheme as written by the office: also the body of an update, which then carries the
 * {@code version} it read. Optional caps and grade rules take their defaults.
 */
public record NewScheme(String code, String name, Integer year, List<String> peerGroups, List<NewIndicator> indicators,
		BigDecimal bonusCap, BigDecimal penaltyCap, BigDecimal excellentQuota, BigDecimal goodFloor,
		BigDecimal fairFloor, Boolean publicBoard, Integer version) {

	/** An indicator of a scheme; {@code rule} depends on the kind. */
	public record NewIndicator(String code, String name, IndicatorKind kind, BigDecimal weight,
			Map<String, Object> rule) {
	}

}
