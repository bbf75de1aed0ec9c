package dev.luoshi.indicator;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An indicator's value for a region and period.
 *
 * @param unit the indicator's unit of measure, in which target and actual are given
 * @param growth the growth on the same period last year in percent: as entered, or else
 * computed from last year's actual (then {@code growthComputed})
 * @param completion actual against target in percent (target against actual when lower is
 * better), when both are given
 */
public record IndicatorValue(long id, String indicator, String indicatorName, String unit, long regionId,
		String regionName, String period, BigDecimal target, BigDecimal actual, BigDecimal growth,
		boolean growthComputed, BigDecimal lastYearActual, BigDecimal completion, Instant enteredAt, int version) {
}
