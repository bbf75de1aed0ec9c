package dev.luoshi.project;

import java.math.BigDecimal;
import java.util.List;

import dev.luoshi.shared.LedgerSheet;

/**
 * The columns of the ledgers kept for key projects: the project list (项目编号, 项目名称, 项目类别,
 * 所属指挥部, 牵头单位, 责任领导, 建设地点, 总投资, 开工时间, 计划竣工, 建设阶段, 是否入库, 年度计划投资 and 1月…12月) and the
 * month's figures (项目编号, 项目名称, 本月完成投资, 进展情况). Amount headings may say 元, 万元 or 亿元.
 */
final class ProjectLedger {

	enum Column implements LedgerSheet.Heading {

		CODE("项目编号", "编号", "项目代码", "项目编码"), NAME("项目名称", "名称", "重点项目", "项目"),
		CATEGORY("项目类别", "类别", "项目类型", "行业类别", "类型"), HEADQUARTERS("所属指挥部", "指挥部", "专项指挥部", "责任指挥部"),
		LEAD("牵头单位", "责任单位", "主责单位", "牵头部门"), LEADER("责任领导", "分管领导", "包抓领导", "联系领导"),
		ADDRESS("建设地点", "项目地址", "地址", "建设地址"), TOTAL("总投资", "计划总投资", "项目总投资"), START("开工时间", "计划开工", "开工日期", "开工年月"),
		COMPLETION("计划竣工", "竣工时间", "建成时间", "完工时间", "计划完工"), PHASE("建设阶段", "项目阶段", "进展阶段", "所处阶段"),
		REGISTERED("是否入库", "入库纳统", "是否纳统", "入库"), ANNUAL("年度计划投资", "年度计划", "本年计划投资", "年度投资计划"), M1("1月", "1月份", "1月计划"),
		M2("2月", "2月份", "2月计划"), M3("3月", "3月份", "3月计划"), M4("4月", "4月份", "4月计划"), M5("5月", "5月份", "5月计划"),
		M6("6月", "6月份", "6月计划"), M7("7月", "7月份", "7月计划"), M8("8月", "8月份", "8月计划"), M9("9月", "9月份", "9月计划"),
		M10("10月", "10月份", "10月计划"), M11("11月", "11月份", "11月计划"), M12("12月", "12月份", "12月计划"),
		AMOUNT("本月完成投资", "当月完成投资", "月度完成投资", "本月完成", "完成投资"), NARRATIVE("进展情况", "形象进度", "本月进展", "进展");

		private final List<String> names;

		Column(String... names) {
			this.names = List.of(names);
		}

		@Override
		public List<String> names() {
			return this.names;
		}

		static final List<Column> MONTHS = List.of(M1, M2, M3, M4, M5, M6, M7, M8, M9, M10, M11, M12);

	}

	private ProjectLedger() {
	}

	/** How many yuan one unit of the column is, from what its heading says. */
	static BigDecimal scale(LedgerSheet.Parsed<Column> ledger, Column column) {
		if (ledger.headerMentions(column, "亿")) {
			return new BigDecimal("100000000");
		}
		if (ledger.headerMentions(column, "万")) {
			return new BigDecimal("10000");
		}
		return BigDecimal.ONE;
	}

}
