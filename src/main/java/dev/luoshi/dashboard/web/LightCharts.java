package dev.luoshi.dashboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.luoshi.dashboard.LightCount;
import dev.luoshi.work.Campaign;
import dev.luoshi.work.Light;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The stacked bar of lights by campaign, on the landing page and the cockpit. */
@Component
class LightCharts {

	private final MessageSource messages;

	LightCharts(MessageSource messages) {
		this.messages = messages;
	}

	String byCampaign(List<Campaign> campaigns, Locale locale) {
		List<String> names = campaigns.stream().map(Campaign::name).toList();
		List<Map<String, Object>> series = new ArrayList<>();
		for (Light light : LightCount.ORDER) {
			List<Long> data = campaigns.stream().map((campaign) -> count(campaign.lights(), light)).toList();
			series.add(Charts.series(this.messages.getMessage("light." + light, null, locale), "bar", data, "lights",
					Charts.colour(light.name())));
		}
		return Charts.chart(names, this.messages.getMessage("dashboard.tasks", null, locale), series, true);
	}

	static long count(Campaign.LightCounts counts, Light light) {
		return switch (light) {
			case RED -> counts.red();
			case YELLOW -> counts.yellow();
			case GREEN -> counts.green();
			case DONE -> counts.done();
		};
	}

}
