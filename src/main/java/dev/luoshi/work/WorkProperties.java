package dev.luoshi.work;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the task book: the thresholds of the lights (points behind time elapsed for
 * YELLOW and RED, working days ahead that make a milestone YELLOW) and what evidence
 * files are accepted.
 */
@ConfigurationProperties("luoshi.work")
public record WorkProperties(Integer yellowBehind, Integer redBehind, Integer warningWorkingDays,
		DataSize maxEvidenceSize, List<String> evidenceTypes) {

	public WorkProperties {
		yellowBehind = (yellowBehind != null) ? yellowBehind : 10;
		redBehind = (redBehind != null) ? redBehind : 30;
		warningWorkingDays = (warningWorkingDays != null) ? warningWorkingDays : 3;
		maxEvidenceSize = (maxEvidenceSize != null) ? maxEvidenceSize : DataSize.ofMegabytes(10);
		evidenceTypes = (evidenceTypes != null) ? evidenceTypes
				: List.of("image/jpeg", "image/png", "application/pdf",
						"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		if (yellowBehind < 0 || redBehind <= yellowBehind) {
			throw new IllegalArgumentException("luoshi.work: red-behind must exceed yellow-behind, both positive");
		}
	}

}
