package dev.luoshi.web;

import java.util.List;
import java.util.Map;

import dev.luoshi.test.Choices;

import tools.jackson.databind.JsonNode;

/**
 * The values the campaign puts where a good one belongs: the wrong type, numbers no field
 * holds, dates and periods that are none, markup, odd Unicode, huge strings, deep
 * nesting.
 */
final class BadValues {

	private BadValues() {
	}

	static Object weird(Choices choices) {
		return switch (choices.below(6)) {
			case 0 -> wrongType(choices, "");
			case 1 -> badNumber(choices);
			case 2 -> markup(choices);
			case 3 -> unicode(choices);
			case 4 -> choices.pick(Map.of("admin", true), List.of(List.of()), "", " ");
			default -> null;
		};
	}

	static Object wrongType(Choices choices, String type) {
		return switch (type) {
			case "string" -> choices.pick(123, true, List.of(), Map.of(), List.of("a"), Map.of("a", "b"), 1.5);
			case "integer" -> choices.pick("abc", "1", true, List.of(), Map.of(), 1.5, "1e3", "", "0x10");
			case "number" -> choices.pick("abc", "1,000", true, List.of(), Map.of(), "", "十万");
			case "boolean" -> choices.pick("true", "yes", 1, 0, List.of(), Map.of(), "");
			case "array" ->
				choices.pick("a", 1, Map.of(), List.of(List.of(List.of())), java.util.Arrays.asList(null, null));
			default -> choices.pick("a", 1, List.of(), true, Map.of("a", Map.of()));
		};
	}

	static Object badNumber(Choices choices) {
		return choices.pick(new JsonText.Raw("1e309"), new JsonText.Raw("-1e309"),
				new JsonText.Raw("99999999999999999999999"), new JsonText.Raw("-9223372036854775809"), -1, 0,
				new JsonText.Raw("-0.0"), new JsonText.Raw("0.001"), new JsonText.Raw("1e-400"), 2147483648L,
				Long.MAX_VALUE, Integer.MIN_VALUE, new JsonText.Raw("12345678901234567.891"), new JsonText.Raw("NaN"),
				new JsonText.Raw("Infinity"), new JsonText.Raw("0" + "0".repeat(400) + "1"),
				new JsonText.Raw("1" + "0".repeat(2000)));
	}

	static Object badTime(Choices choices, String name, JsonNode schema) {
		if (schema.path("type").asString("").equals("integer")) {
			return choices.pick(-1, 0, 99999, Integer.MAX_VALUE, 1969, 2101);
		}
		if (name.contains("period") || name.contains("month")) {
			return choices.pick("2026Q5", "2026Q0", "2026Q", "Q1", "2026-13", "2026-00", "2026-1", "abc", "", "2026H1",
					"9999999999Q1", "2026q1", "２０２６Q1", "2026Q1 ", "2026-03-01", "-2026", "2026-03-99", "99999");
		}
		return choices.pick("2026-13-40", "2026-02-30", "2026-00-10", "abc", "", "2026/06/30", "30/06/2026",
				"+999999999-12-31", "-0001-01-01", "2026-06-30T10:00:00", "99999-01-01", "2026-6-3", "0000-00-00",
				"1900-01-01", "2999-12-31", "2026-06-31");
	}

	static String markup(Choices choices) {
		return choices.pick(FuzzWorld.XSS, "\"><svg onload=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}",
				"[[${7*7}]]", "__${T(java.lang.Runtime).getRuntime()}__::.x", "' OR '1'='1", "1; DROP TABLE unit;--",
				"<!--", "]]>", "&amp;&lt;", "%s%s%s%n", "{0}{1}''");
	}

	static String unicode(Choices choices) {
		return choices.pick("\u0000", "\ud800", "a\u0000b", "\u202e反转", "\ufeff", "\uD83D\uDE00".repeat(1000), "\t\n\r",
				"ｆｕｌｌ１２３", "\u200b", "e\u0301", "\uDBFF\uDFFF");
	}

	static String huge(Choices choices) {
		int length = choices.chance(0.02) ? 1_000_000 : choices.pick(300, 2_000, 20_000);
		return choices.pick("界", "a", "<").repeat(length);
	}

	static Object deep(Choices choices) {
		int depth = choices.pick(600, 2_000, 10_000);
		return new JsonText.Raw(choices.chance(0.5) ? "[".repeat(depth) + "]".repeat(depth)
				: "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
	}

}
