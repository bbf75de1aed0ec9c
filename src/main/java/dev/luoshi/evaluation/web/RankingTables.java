package dev.luoshi.evaluation.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.luoshi.evaluation.RankingEntry;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A ranking's entries as the pages show them: one table per peer group, each row with the
 * width of its score bar, and the group's scores as a chart for the page's script.
 */
@Component
class RankingTables {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final MessageSource messages;

	RankingTables(MessageSource messages) {
		this.messages = messages;
	}

	/** The entries by peer group, in the order the scheme lists its groups. */
	List<Group> groups(List<String> order, List<RankingEntry> entries, Locale locale) {
		Map<String, List<RankingEntry>> byGroup = new LinkedHashMap<>();
		order.forEach((group) -> byGroup.put(group, new ArrayList<>()));
		entries.forEach((entry) -> byGroup.computeIfAbsent(entry.peerGroup(), (key) -> new ArrayList<>()).add(entry));
		List<Group> groups = new ArrayList<>();
		byGroup.forEach((group, members) -> {
			if (!members.isEmpty()) {
				groups
					.add(new Group(group, members.stream().map((entry) -> new Row(entry, bar(entry.score()))).toList(),
							chart(members, locale)));
			}
		});
		return groups;
	}

	/** The group to show: the one asked for if it has entries, else the first. */
	static Group selected(List<Group> groups, String wanted) {
		return groups.stream()
			.filter((group) -> group.peerGroup().equals(wanted))
			.findFirst()
			.orElse(groups.isEmpty() ? null : groups.get(0));
	}

	/** A score as the width of its bar, 0–100 percent of the scale of 100 points. */
	static int bar(BigDecimal score) {
		if (score == null || score.signum() <= 0) {
			return 0;
		}
		return score.min(HUNDRED).setScale(0, RoundingMode.HALF_UP).intValue();
	}

	private String chart(List<RankingEntry> entries, Locale locale) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", this.messages.getMessage("evaluation.score", null, locale));
		series.put("type", "bar");
		series.put("data", entries.stream().map(RankingEntry::score).toList());
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("x", entries.stream().map(RankingEntry::unitName).toList());
		chart.put("unit", this.messages.getMessage("evaluation.points", null, locale));
		chart.put("series", List.of(series));
		return JSON.writeValueAsString(chart);
	}

	/** The units of one peer group, best first, and its chart. */
	record Group(String peerGroup, List<Row> rows, String chart) {
	}

	/** A unit's entry and the width of its score bar in percent. */
	record Row(RankingEntry entry, int bar) {
	}

}
