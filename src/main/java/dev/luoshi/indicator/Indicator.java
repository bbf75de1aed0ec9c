package dev.luoshi.indicator;

/**
 * An indicator of the catalogue.
 *
 * @param code the stable code integrators and ledgers use (e.g. {@code GDP})
 * @param name its name (地区生产总值)
 * @param unit the unit of measure its values are given in (亿元, 元, %)
 * @param higherIsBetter whether more is better (false e.g. for energy use per GDP)
 */
public record Indicator(long id, String code, String name, String unit, boolean higherIsBetter, String description) {
}
