package dev.luoshi.evaluation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of nominations: the largest evidence file and the types accepted (checked
 * against the file's first bytes).
 */
@ConfigurationProperties("luoshi.nomination")
public record NominationProperties(DataSize maxEvidenceSize, List<String> evidenceTypes) {

	public NominationProperties {
		maxEvidenceSize = (maxEvidenceSize != null) ? maxEvidenceSize : DataSize.ofMegabytes(10);
		evidenceTypes = (evidenceTypes != null) ? evidenceTypes
				: List.of("image/jpeg", "image/png", "application/pdf",
						"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

}
