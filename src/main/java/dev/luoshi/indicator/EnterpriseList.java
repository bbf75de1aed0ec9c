package dev.luoshi.indicator;

import java.util.List;
import java.util.Map;

/**
 * A page of enterprises for a year, as lists are: {@code items, total, page, size}; with
 * how many of those found (before the class filter) fall in each class.
 */
public record EnterpriseList(List<Enterprise> items, long total, int page, int size, int year,
		Map<Grade, Long> grades) {
}
