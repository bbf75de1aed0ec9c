package dev.luoshi.bulletin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a month's supervision bulletin (督查通报): the notices issued by unit and level, the
 * list of them, what was overdue at the month's end, rectification and the lights. The
 * document is in Chinese whatever the reader's language: it is an official document.
 */
final class SupervisionBulletin {

	private static final List<String> LEVELS = List.of("REMINDER", "URGE", "SUPERVISE", "BULLETIN", "INTERVIEW");

	private static final Map<String, String> LEVEL_NAMES = Map.of("REMINDER", "提醒", "URGE", "催办", "SUPERVISE", "督办",
			"BULLETIN", "通报", "INTERVIEW", "约谈");

	private static final Map<String, String> STATES = Map.of("OPEN", "待签收", "ACKNOWLEDGED", "已签收", "RESPONDED", "已回复",
			"CLOSED", "已办结", "OVERDUE", "逾期未回复");

	private SupervisionBulletin() {
	}

	static String title(MonthFacts facts) {
		return "关于" + month(facts) + "督查督办情况的通报";
	}

	static String fileName(MonthFacts facts) {
		return month(facts) + "督查通报.docx";
	}

	private static String month(MonthFacts facts) {
		return facts.month().getYear() + "年" + facts.month().getMonthValue() + "月份";
	}

	static byte[] write(MonthFacts facts, String issuer, String number, LocalDate issuedOn, ZoneId zone) {
		OfficialDocument document = new OfficialDocument().masthead(issuer, number).title(title(facts));
		document.paragraph("现将" + month(facts) + "督查督办工作情况通报如下。");
		document.heading("一、督办单下发情况");
		Map<String, Long> byLevel = new LinkedHashMap<>();
		Map<String, Map<String, Long>> byUnit = new LinkedHashMap<>();
		for (MonthFacts.IssuedNotice notice : facts.notices()) {
			byLevel.merge(notice.level(), 1L, Long::sum);
			byUnit.computeIfAbsent(notice.unitName(), (unit) -> new LinkedHashMap<>())
				.merge(notice.level(), 1L, Long::sum);
		}
		List<String> parts = new ArrayList<>();
		for (String level : LEVELS) {
			parts.add(LEVEL_NAMES.get(level) + byLevel.getOrDefault(level, 0L) + "件");
		}
		document.paragraph("本月共下发督办单" + facts.notices().size() + "件，其中" + String.join("、", parts) + "。");
		if (!facts.notices().isEmpty()) {
			document.subheading("（一）按单位和等级统计");
			List<String> header = new ArrayList<>(List.of("责任单位"));
			LEVELS.forEach((level) -> header.add(LEVEL_NAMES.get(level)));
			header.add("合计");
			List<List<String>> rows = new ArrayList<>();
			byUnit.forEach((unit, counts) -> {
				List<String> row = new ArrayList<>(List.of(unit));
				LEVELS.forEach((level) -> row.add(String.valueOf(counts.getOrDefault(level, 0L))));
				row.add(String.valueOf(counts.values().stream().mapToLong(Long::longValue).sum()));
				rows.add(row);
			});
			document.table(header, rows);
			document.subheading("（二）督办单清单");
			document.table(List.of("编号", "事项", "责任单位", "办理状态"),
					facts.notices()
						.stream()
						.map((notice) -> List.of(notice.number(), notice.subject(), notice.unitName(),
								STATES.getOrDefault(notice.status(), notice.status())))
						.toList());
		}
		document.heading("二、逾期事项");
		document.subheading("（一）逾期未回复的督办单");
		document.paragraph("截至月底，逾期未回复的督办单" + facts.overdueNotices().size() + "件。");
		if (!facts.overdueNotices().isEmpty()) {
			document.table(List.of("编号", "事项", "责任单位", "回复时限"),
					facts.overdueNotices()
						.stream()
						.map((notice) -> List.of(notice.number(), notice.subject(), notice.unitName(),
								OfficialDocument.written(notice.dueAt().atZone(zone).toLocalDate())))
						.toList());
		}
		document.subheading("（二）逾期未完成的任务");
		document.paragraph("截至月底，超过完成时限仍未完成的任务" + facts.overdueTasks().size() + "项。");
		if (!facts.overdueTasks().isEmpty()) {
			document.table(List.of("任务", "牵头单位", "完成时限", "进度"),
					facts.overdueTasks()
						.stream()
						.map((task) -> List.of(task.title(), task.unitName(), OfficialDocument.written(task.deadline()),
								task.progress() + "%"))
						.toList());
		}
		Map<String, Long> rectification = facts.rectifications();
		document.heading("三、整改落实情况");
		document.paragraph("整改事项共" + rectification.values().stream().mapToLong(Long::longValue).sum() + "件，其中整改中"
				+ rectification.getOrDefault("OPEN", 0L) + "件、已提交待核验" + rectification.getOrDefault("SUBMITTED", 0L)
				+ "件、已销号" + rectification.getOrDefault("CLOSED", 0L) + "件。");
		Map<String, Long> lights = facts.lights();
		document.heading("四、任务推进情况");
		document.paragraph("目前红灯（滞后）任务" + lights.getOrDefault("RED", 0L) + "项、黄灯（预警）任务"
				+ lights.getOrDefault("YELLOW", 0L) + "项、绿灯（正常）任务" + lights.getOrDefault("GREEN", 0L) + "项，已完成"
				+ lights.getOrDefault("DONE", 0L) + "项。");
		document.heading("五、有关要求");
		document.paragraph("各责任单位要对照通报事项逐项分析原因，明确整改措施和完成时限，按时回复督办单、报送整改材料；" + "对逾期事项要倒排时间、挂图作战，确保按期销号。督查室将持续跟踪问效。");
		return document.date(issuedOn).bytes();
	}

}
