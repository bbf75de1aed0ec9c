package dev.luoshi.indicator;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.luoshi.shared.LedgerSheet;

/**
 * The columns of an indicator ledger (指标编码 or 指标, 地区, 期间, 目标值, 实际值, 同比增长%) and the ways
 * people write periods in them.
 */
final class IndicatorLedger {

	static final List<String> HEADINGS = List.of("指标编码", "指标", "计量单位", "地区", "期间", "目标值", "实际值", "同比增长%");

	private static final Pattern YEAR = Pattern.compile("(\\d{4})年?(?:度|全年)?");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})年?(?:第)?([1-4一二三四])季度?|(\\d{4})[Qq]([1-4])");

	private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:年|[-/.])(\\d{1,2})月?(?:份)?");

	enum Column implements LedgerSheet.Heading {

		CODE("指标编码", "指标代码", "编码", "代码"), NAME("指标", "指标名称", "名称"), REGION("地区", "区域", "地区名称", "地区编码", "单位"),
		PERIOD("期间", "统计期", "时期", "期别", "所属期"), TARGET("目标值", "目标", "计划值", "预期目标"), ACTUAL("实际值", "实际", "完成值", "实际完成"),
		GROWTH("同比增长%", "同比增长", "同比", "同比增长率", "增速", "同比增速");

		private final List<String> names;

		Column(String... names) {
			this.names = List.of(names);
		}

		@Override
		public List<String> names() {
			return this.names;
		}

	}

	private IndicatorLedger() {
	}

	/**
	 * A period as written in a ledger (2026, 2026年, 2026年一季度, 2026Q1, 2026年3月, 2026/3,
	 * 2026-03) in the API's form, or empty when it is none of these.
	 */
	static Optional<String> period(String text) {
		String value = text.replaceAll("\\s", "");
		Matcher year = YEAR.matcher(value);
		if (year.matches()) {
			return Optional.of(year.group(1));
		}
		Matcher quarter = QUARTER.matcher(value);
		if (quarter.matches()) {
			if (quarter.group(1) == null) {
				return Optional.of(quarter.group(3) + "Q" + quarter.group(4));
			}
			int number = "一二三四".indexOf(quarter.group(2)) + 1;
			return Optional.of(quarter.group(1) + "Q" + ((number > 0) ? number : Integer.parseInt(quarter.group(2))));
		}
		Matcher month = MONTH.matcher(value);
		if (month.matches()) {
			int number = Integer.parseInt(month.group(2));
			return (number >= 1 && number <= 12) ? Optional.of(String.format("%s-%02d", month.group(1), number))
					: Optional.empty();
		}
		return Optional.empty();
	}

}
