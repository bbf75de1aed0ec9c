package dev.luoshi.dashboard.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Chart specifications as {@code static/js/luoshi.js} draws them from a
 * {@code data-chart} attribute: categories, a unit and series (bar or line, optionally
 * stacked, optionally of a fixed colour).
 */
final class Charts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	private Charts() {
	}

	static Map<String, Object> series(String name, String type, List<?> data, String stack, String color) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("type", type);
		series.put("data", data);
		if (stack != null) {
			series.put("stack", stack);
		}
		if (color != null) {
			series.put("color", color);
		}
		return series;
	}

	static String chart(List<String> x, String unit, List<Map<String, Object>> series, boolean horizontal) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("x", x);
		chart.put("unit", unit);
		chart.put("series", series);
		if (horizontal) {
			chart.put("horizontal", true);
		}
		return JSON.writeValueAsString(chart);
	}

	static BigDecimal wan(BigDecimal yuan) {
		return (yuan != null) ? yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP) : null;
	}

	/** The colours of the lights, readable on white and on the cockpit's dark ground. */
	static String colour(String light) {
		return switch (light) {
			case "RED" -> "#c0392b";
			case "YELLOW" -> "#d4a017";
			case "GREEN" -> "#2e7d32";
			default -> "#8d99a6";
		};
	}

}
