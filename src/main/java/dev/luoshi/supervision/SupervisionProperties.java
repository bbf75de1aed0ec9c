package dev.luoshi.supervision;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of supervision: how notice numbers are written ({@code {prefix}},
 * {@code {year}}, {@code {number}}), the working hours a unit has to respond at each
 * level, and which files a unit may attach as rectification evidence.
 */
@ConfigurationProperties("luoshi.supervision")
public record SupervisionProperties(String numberPattern, Map<NoticeLevel, Integer> responseHours,
		DataSize maxEvidenceSize, List<String> evidenceTypes) {

	public SupervisionProperties {
		numberPattern = (numberPattern != null) ? numberPattern : "{prefix}〔{year}〕{number}号";
		responseHours = (responseHours != null) ? responseHours : Map.of(NoticeLevel.REMINDER, 8, NoticeLevel.URGE, 8,
				NoticeLevel.SUPERVISE, 16, NoticeLevel.BULLETIN, 24, NoticeLevel.INTERVIEW, 40);
		maxEvidenceSize = (maxEvidenceSize != null) ? maxEvidenceSize : DataSize.ofMegabytes(10);
		evidenceTypes = (evidenceTypes != null) ? evidenceTypes
				: List.of("image/jpeg", "image/png", "application/pdf",
						"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	int hours(NoticeLevel level) {
		return this.responseHours.getOrDefault(level, 8);
	}

	/** A notice's number in the configured pattern, e.g. 督办〔2026〕12号. */
	public String number(NoticeLevel level, int year, int number) {
		return this.numberPattern.replace("{prefix}", level.prefix())
			.replace("{year}", String.valueOf(year))
			.replace("{number}", String.valueOf(number));
	}

}
