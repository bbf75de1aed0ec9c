package dev.luoshi.supervision;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of supervision: how notice numbers are written ({@code {prefix}},
 * {@code {year}}, {@code {number}}), the working hours a unit has to respond at each
 * level, and the cron of the escalation run.
 */
@ConfigurationProperties("luoshi.supervision")
public record SupervisionProperties(String numberPattern, Map<NoticeLevel, Integer> responseHours) {

	public SupervisionProperties {
		numberPattern = (numberPattern != null) ? numberPattern : "{prefix}〔{year}〕{number}号";
		responseHours = (responseHours != null) ? responseHours : Map.of(NoticeLevel.REMINDER, 8, NoticeLevel.URGE, 8,
				NoticeLevel.SUPERVISE, 16, NoticeLevel.BULLETIN, 24, NoticeLevel.INTERVIEW, 40);
	}

	int hours(NoticeLevel level) {
		return this.responseHours.getOrDefault(level, 8);
	}

	String number(NoticeLevel level, int year, int number) {
		return this.numberPattern.replace("{prefix}", level.prefix())
			.replace("{year}", String.valueOf(year))
			.replace("{number}", String.valueOf(number));
	}

}
