package dev.luoshi.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads deadlines the way ledgers write them: 2026-09-30, 2026/9/30, 2026年9月30日, 9月30日前,
 * 6月底前, 2028年底, 三季度末, 上半年, 全年, 年底前, 长期坚持. Dates without a year fall in the campaign's
 * year; open-ended wording means the campaign's end.
 */
public final class LedgerDates {

	private static final Pattern FULL = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?.*");

	private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?(底|末)?.*");

	private static final Pattern YEAR_END = Pattern.compile("(\\d{4})\\s*年\\s*(底|末|内|度|全年)?");

	private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日.*");

	private static final Pattern MONTH = Pattern.compile("(\\d{1,2})\\s*月(底|末|份)?.*");

	private static final Pattern QUARTER = Pattern.compile("(?:第)?([一二三四1-4])\\s*季度.*");

	private static final Map<String, Integer> QUARTERS = Map.of("一", 1, "二", 2, "三", 3, "四", 4, "1", 1, "2", 2, "3", 3,
			"4", 4);

	private LedgerDates() {
	}

	public static Optional<LocalDate> parse(String text, int year, LocalDate campaignEnd) {
		String value = text.strip().replace("前", "").replace("以内", "");
		try {
			Matcher matcher = FULL.matcher(value);
			if (matcher.matches()) {
				return Optional.of(LocalDate.of(number(matcher, 1), number(matcher, 2), number(matcher, 3)));
			}
			matcher = YEAR_MONTH.matcher(value);
			if (matcher.matches()) {
				return Optional.of(YearMonth.of(number(matcher, 1), number(matcher, 2)).atEndOfMonth());
			}
			matcher = YEAR_END.matcher(value);
			if (matcher.matches()) {
				return Optional.of(LocalDate.of(number(matcher, 1), 12, 31));
			}
			matcher = MONTH_DAY.matcher(value);
			if (matcher.matches()) {
				return Optional.of(LocalDate.of(year, number(matcher, 1), number(matcher, 2)));
			}
			matcher = MONTH.matcher(value);
			if (matcher.matches()) {
				return Optional.of(YearMonth.of(year, number(matcher, 1)).atEndOfMonth());
			}
			matcher = QUARTER.matcher(value);
			if (matcher.matches()) {
				return Optional.of(YearMonth.of(year, QUARTERS.get(matcher.group(1)) * 3).atEndOfMonth());
			}
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
		if (value.startsWith("上半年")) {
			return Optional.of(LocalDate.of(year, 6, 30));
		}
		if (value.matches("(全年|年底|年末|年内|下半年|本年度?).*")) {
			return Optional.of(LocalDate.of(year, 12, 31));
		}
		if (value.matches("(长期|持续|常态).*")) {
			return Optional.of(campaignEnd);
		}
		return Optional.empty();
	}

	private static int number(Matcher matcher, int group) {
		return Integer.parseInt(matcher.group(group));
	}

}
