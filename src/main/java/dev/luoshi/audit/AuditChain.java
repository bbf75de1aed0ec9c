package dev.luoshi.audit;

import dev.luoshi.shared.Digests;

import java.time.Instant;

/**
 * How an event is chained: its digest covers every stored field and the digest of the
 * event before it, so that changing, removing or reordering any event breaks the chain
 * from there on.
 */
final class AuditChain {

	private AuditChain() {
	}

	/** An event as stored. */
	record Link(long seq, Instant at, String actor, String entityType, String entityId, String action, String before,
			String after, String algorithm, String digest) {

		String expectedDigest(String previousDigest) {
			return Digests.hex(this.algorithm, canonical(previousDigest));
		}

		private String canonical(String previousDigest) {
			return String.join("\u001f", Long.toString(this.seq), Long.toString(this.at.toEpochMilli()), this.actor,
					this.entityType, this.entityId, this.action, nullable(this.before), nullable(this.after),
					this.algorithm, previousDigest);
		}

		private static String nullable(String text) {
			return (text != null) ? "=" + text : "\u2400";
		}

	}

	/** Walks links in order and remembers the first that breaks the chain. */
	static final class Walk {

		private long expectedSeq = 1;

		private String previousDigest = Digests.ZERO;

		private long events;

		private Long firstBrokenAt;

		void accept(Link link) {
			this.events++;
			if (this.firstBrokenAt != null) {
				return;
			}
			if (link.seq() != this.expectedSeq || !link.expectedDigest(this.previousDigest).equals(link.digest())) {
				this.firstBrokenAt = link.seq();
				return;
			}
			this.expectedSeq++;
			this.previousDigest = link.digest();
		}

		/**
		 * Checks the stored head against the last link walked; a removed tail shows here.
		 */
		void finish(long headSeq, String headDigest) {
			if (this.firstBrokenAt == null
					&& (headSeq != this.expectedSeq - 1 || !headDigest.equals(this.previousDigest))) {
				this.firstBrokenAt = this.expectedSeq;
			}
		}

		long events() {
			return this.events;
		}

		Long firstBrokenAt() {
			return this.firstBrokenAt;
		}

	}

}
