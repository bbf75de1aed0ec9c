package dev.luoshi.project;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of key projects: the lights' thresholds (points of the annual plan behind the
 * year-to-date plan for YELLOW and RED; working days ahead that make a phase milestone
 * YELLOW), the day of the following month by which a month's figure is due, and the
 * largest photo accepted.
 */
@ConfigurationProperties("luoshi.project")
public record ProjectProperties(Integer yellowBehind, Integer redBehind, Integer warningWorkingDays,
		Integer figureDueDay, DataSize maxPhotoSize) {

	public ProjectProperties {
		yellowBehind = (yellowBehind != null) ? yellowBehind : 10;
		redBehind = (redBehind != null) ? redBehind : 30;
		warningWorkingDays = (warningWorkingDays != null) ? warningWorkingDays : 3;
		figureDueDay = (figureDueDay != null) ? figureDueDay : 5;
		maxPhotoSize = (maxPhotoSize != null) ? maxPhotoSize : DataSize.ofMegabytes(10);
		if (yellowBehind < 0 || redBehind <= yellowBehind) {
			throw new IllegalArgumentException("luoshi.project: red-behind must exceed yellow-behind, both positive");
		}
		if (figureDueDay < 1 || figureDueDay > 28) {
			throw new IllegalArgumentException("luoshi.project: figure-due-day must be between 1 and 28");
		}
	}

}
