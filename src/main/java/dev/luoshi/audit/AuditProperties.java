package dev.luoshi.audit;

import dev.luoshi.shared.Digests;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code luoshi.audit.digest}: {@code SM3} (the national standard, default) or
 * {@code SHA-256}.
 */
@ConfigurationProperties("luoshi.audit")
public record AuditProperties(String digest) {

	public AuditProperties {
		digest = (digest != null) ? digest.toUpperCase() : Digests.SM3;
		if (!Digests.SM3.equals(digest) && !Digests.SHA256.equals(digest)) {
			throw new IllegalArgumentException("luoshi.audit.digest must be SM3 or SHA-256, not " + digest);
		}
	}

}
