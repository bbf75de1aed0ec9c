package dev.luoshi.indicator;

import java.math.BigDecimal;

/**
 * What a region achieved on an indicator in one period: its target and actual, either
 * possibly null when not entered.
 */
public record Achievement(long regionId, BigDecimal target, BigDecimal actual) {
}
