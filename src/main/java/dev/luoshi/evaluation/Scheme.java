package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A year's evaluation scheme: who is compared with whom (peer groups), on what (weighted
 * indicators), how far items may move a score (caps), and how grades are given.
 */
public record Scheme(long id, String code, String name, int year, List<String> peerGroups, List<Indicator> indicators,
		BigDecimal bonusCap, BigDecimal penaltyCap, BigDecimal excellentQuota, BigDecimal goodFloor,
		BigDecimal fairFloor, boolean publicBoard, int version) {

	public record Indicator(long id, String code, String name, IndicatorKind kind, BigDecimal weight,
			Map<String, Object> rule) {
	}

	public Optional<Indicator> indicator(String code) {
		return this.indicators.stream().filter((indicator) -> indicator.code().equals(code)).findFirst();
	}

}
