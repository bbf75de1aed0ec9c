package dev.luoshi.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.luoshi.shared.Digests;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTests {

	@Test
	void sm3MatchesTheStandardsTestVector() {
		assertThat(Digests.hex(Digests.SM3, "abc"))
			.isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
		assertThat(Digests.hex(Digests.SHA256, "abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void anUntouchedChainVerifies() {
		assertThat(walk(chain(5, Digests.SM3)).firstBrokenAt()).isNull();
	}

	@Test
	void aChainMayMixAlgorithmsAfterASwitch() {
		List<AuditChain.Link> links = chain(3, Digests.SM3);
		AuditChain.Link last = links.get(2);
		links.add(signed(4, "SHA-256", last.digest()));

		assertThat(walk(links).firstBrokenAt()).isNull();
	}

	@Test
	void alteringAnyFieldOfOneEventIsDetectedAtThatEvent() {
		List<AuditChain.Link> links = chain(5, Digests.SM3);
		AuditChain.Link third = links.get(2);
		links.set(2, new AuditChain.Link(third.seq(), third.at(), "intruder", third.entityType(), third.entityId(),
				third.action(), third.before(), third.after(), third.algorithm(), third.digest()));

		assertThat(walk(links).firstBrokenAt()).isEqualTo(3);

		links = chain(5, Digests.SM3);
		AuditChain.Link second = links.get(1);
		links.set(1,
				new AuditChain.Link(second.seq(), second.at().plusMillis(1), second.actor(), second.entityType(),
						second.entityId(), second.action(), second.before(), "{\"name\":\"改过\"}", second.algorithm(),
						second.digest()));
		assertThat(walk(links).firstBrokenAt()).isEqualTo(2);
	}

	@Test
	void removingOrReorderingEventsIsDetected() {
		List<AuditChain.Link> removed = chain(5, Digests.SM3);
		removed.remove(2);
		List<AuditChain.Link> reordered = chain(5, Digests.SM3);
		reordered.add(1, reordered.remove(2));

		assertThat(walk(removed).firstBrokenAt()).isEqualTo(4);
		assertThat(walk(reordered).firstBrokenAt()).isEqualTo(3);
	}

	@Test
	void removingTheNewestEventIsDetectedThroughTheHead() {
		List<AuditChain.Link> links = chain(5, Digests.SM3);
		String headDigest = links.get(4).digest();
		links.remove(4);

		AuditChain.Walk walk = new AuditChain.Walk();
		links.forEach(walk::accept);
		walk.finish(5, headDigest);

		assertThat(walk.firstBrokenAt()).isEqualTo(5);
	}

	private static AuditChain.Walk walk(List<AuditChain.Link> links) {
		AuditChain.Walk walk = new AuditChain.Walk();
		links.forEach(walk::accept);
		AuditChain.Link last = links.get(links.size() - 1);
		walk.finish(last.seq(), last.digest());
		return walk;
	}

	private static List<AuditChain.Link> chain(int length, String algorithm) {
		List<AuditChain.Link> links = new ArrayList<>();
		String previous = Digests.ZERO;
		for (int seq = 1; seq <= length; seq++) {
			AuditChain.Link link = signed(seq, algorithm, previous);
			links.add(link);
			previous = link.digest();
		}
		return links;
	}

	private static AuditChain.Link signed(long seq, String algorithm, String previous) {
		AuditChain.Link unsigned = new AuditChain.Link(seq, Instant.parse("2026-03-16T01:00:00Z").plusSeconds(seq),
				"admin", "unit", String.valueOf(seq), "UPDATED", "{\"name\":\"旧\"}", "{\"name\":\"新\"}", algorithm,
				null);
		return new AuditChain.Link(seq, unsigned.at(), unsigned.actor(), unsigned.entityType(), unsigned.entityId(),
				unsigned.action(), unsigned.before(), unsigned.after(), algorithm, unsigned.expectedDigest(previous));
	}

}
