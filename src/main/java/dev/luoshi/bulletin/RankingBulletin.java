package dev.luoshi.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.luoshi.evaluation.RankingEntry;
import dev.luoshi.evaluation.Scheme;

/**
 * Writes a ranking bulletin (排名通报): for each peer group a table of rank, unit, score and
 * movement against the previous published ranking (进n位 / 退n位 / 持平), then the penalties
 * waived under 容错免责 with their reasons.
 */
final class RankingBulletin {

	private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	private RankingBulletin() {
	}

	static String title(Scheme scheme, String period) {
		return "关于" + scheme.name() + period(period) + "排名情况的通报";
	}

	static String fileName(Scheme scheme, String period) {
		return scheme.name() + period(period) + "排名通报.docx";
	}

	/** 2026Q3 as 2026年第三季度, 2026-09 as 2026年9月. */
	static String period(String period) {
		if (period.matches("\\d{4}Q[1-4]")) {
			return period.substring(0, 4) + "年第" + NUMERALS[period.charAt(5) - '1'] + "季度";
		}
		if (period.matches("\\d{4}-\\d{2}")) {
			return period.substring(0, 4) + "年" + Integer.parseInt(period.substring(5)) + "月";
		}
		return period;
	}

	static String movement(Integer movement) {
		if (movement == null) {
			return "—";
		}
		if (movement > 0) {
			return "进" + movement + "位";
		}
		if (movement < 0) {
			return "退" + (-movement) + "位";
		}
		return "持平";
	}

	static byte[] write(Scheme scheme, String period, List<RankingEntry> entries, UnaryOperator<String> groupName,
			String issuer, String number, LocalDate issuedOn) {
		OfficialDocument document = new OfficialDocument().masthead(issuer, number).title(title(scheme, period));
		document.paragraph("根据" + scheme.name() + "，现将" + period(period) + "各单位考核排名情况通报如下。排名较上期的变化，" + "以上期发布的排名为准。");
		Map<String, List<RankingEntry>> groups = new LinkedHashMap<>();
		scheme.peerGroups().forEach((group) -> groups.put(group, new ArrayList<>()));
		entries.forEach((entry) -> groups.computeIfAbsent(entry.peerGroup(), (group) -> new ArrayList<>()).add(entry));
		int heading = 0;
		for (Map.Entry<String, List<RankingEntry>> group : groups.entrySet()) {
			if (group.getValue().isEmpty()) {
				continue;
			}
			document.heading(numeral(heading++) + "、" + groupName.apply(group.getKey()));
			document.table(List.of("排名", "单位", "得分", "较上期"),
					group.getValue()
						.stream()
						.map((entry) -> List.of(String.valueOf(entry.rank()), entry.unitName(),
								entry.score().toPlainString(), movement(entry.movement())))
						.toList());
		}
		document.heading(numeral(heading) + "、容错免责情况");
		List<String> exempted = new ArrayList<>();
		for (RankingEntry entry : entries) {
			for (RankingEntry.Item item : entry.adjustments()) {
				if (item.exempted()) {
					exempted.add(entry.unitName() + "：" + item.reason() + "，经审核予以容错免责，免于扣减"
							+ item.points().stripTrailingZeros().toPlainString() + "分。");
				}
			}
		}
		if (exempted.isEmpty()) {
			document.paragraph("本期无容错免责事项。");
		}
		else {
			document.paragraph("本期共有" + exempted.size() + "项扣分事项经审核予以容错免责：");
			exempted.forEach(document::paragraph);
		}
		return document.date(issuedOn).bytes();
	}

	private static String numeral(int index) {
		return (index < NUMERALS.length) ? NUMERALS[index] : String.valueOf(index + 1);
	}

}
