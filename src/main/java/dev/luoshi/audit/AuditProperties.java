package dev.luoshi.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import dev.luoshi.shared.Digests;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail.
 *
 * @param digest {@code SM3} (the national standard, default) or {@code SHA-256}
 * @param retention how long audit events must be kept at least: 180 days by default, and
 * never less (the Cybersecurity Law, art. 21, asks for network logs to be kept six months
 * at least, and 等保 assessments check it), which start-up enforces. The application itself
 * never deletes an event; this is the period a database operator's archiving has to
 * respect, stated where the application is configured.
 * @param anchor where the head of the chain is exported to, periodically
 */
@ConfigurationProperties("luoshi.audit")
public record AuditProperties(String digest, Duration retention, Anchor anchor) {

	/** Six months, the least the Cybersecurity Law (art. 21) accepts for logs. */
	public static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

	public AuditProperties {
		digest = (digest != null) ? digest.toUpperCase() : Digests.SM3;
		if (!Digests.SM3.equals(digest) && !Digests.SHA256.equals(digest)) {
			throw new IllegalArgumentException("luoshi.audit.digest must be SM3 or SHA-256, not " + digest);
		}
		retention = (retention != null) ? retention : MINIMUM_RETENTION;
		if (retention.compareTo(MINIMUM_RETENTION) < 0) {
			throw new IllegalArgumentException("luoshi.audit.retention must be at least 180 days (six months, "
					+ "Cybersecurity Law art. 21), not " + retention.toDays() + " days");
		}
		anchor = (anchor != null) ? anchor : new Anchor(null, null);
	}

	/**
	 * The external anchor: every period ({@code luoshi.audit.anchor.cron}, hourly by
	 * default) the chain's head (last sequence number and digest) is appended as a line
	 * to {@code dir/audit-anchors.jsonl} and/or posted as JSON to {@code url}. Off unless
	 * one of them is set.
	 *
	 * @param dir a directory on storage the database's administrators cannot rewrite (a
	 * WORM share, another host's mount), or null
	 * @param url an HTTP(S) endpoint that keeps what it receives (a timestamping or log
	 * service), or null
	 */
	public record Anchor(Path dir, URI url) {

		boolean enabled() {
			return this.dir != null || this.url != null;
		}

	}

}
