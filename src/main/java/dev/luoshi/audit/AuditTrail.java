package dev.luoshi.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.luoshi.shared.Digests;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.TimeProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the audit trail, verifying that nobody has altered it, exporting it and reading
 * its head for an external anchor. Nothing here deletes or changes an event: the trail is
 * append-only.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	private final AuditRepository events;

	private final AuditProperties properties;

	private final JsonMapper json;

	private final ApplicationEventPublisher publisher;

	private final ZoneId zone;

	private final Clock clock;

	AuditTrail(AuditRepository events, AuditProperties properties, JsonMapper json, ApplicationEventPublisher publisher,
			TimeProperties time, Clock clock) {
		this.events = events;
		this.properties = properties;
		this.json = json;
		this.publisher = publisher;
		this.zone = time.zone();
		this.clock = clock;
	}

	/** The events of one entity type (and id), newest first; both filters optional. */
	public Page<AuditEvent> events(String entityType, String entityId, PageRequest page) {
		String type = blankToNull(entityType);
		String id = blankToNull(entityId);
		return new Page<>(this.events.page(type, id, page.offset(), page.size()).stream().map(this::view).toList(),
				this.events.count(type, id), page.page(), page.size());
	}

	/** Walks the whole chain, recomputing every digest. */
	public Verification verify() {
		AuditChain.Walk walk = new AuditChain.Walk();
		this.events.forEachInOrder(walk::accept);
		AuditRepository.Head head = this.events.head();
		walk.finish(head.seq(), head.digest());
		return new Verification(walk.firstBrokenAt() == null, walk.events(), walk.firstBrokenAt());
	}

	/** The head of the chain now: what an external anchor keeps. */
	public AuditAnchor head() {
		AuditRepository.Head head = this.events.head();
		Optional<AuditChain.Link> last = (head.seq() > 0) ? this.events.find(head.seq()) : Optional.empty();
		return new AuditAnchor(head.seq(), head.digest(),
				last.map(AuditChain.Link::algorithm).orElse(this.properties.digest()),
				last.map(AuditChain.Link::at).orElse(null), this.clock.instant());
	}

	/**
	 * The digest stored for one event, to compare with an anchor kept outside: a chain
	 * that verifies but disagrees with an older anchor was rewritten.
	 */
	public Optional<AuditAnchor> at(long seq) {
		return this.events.find(seq)
			.map((link) -> new AuditAnchor(link.seq(), link.digest(), link.algorithm(), link.at(),
					this.clock.instant()));
	}

	/**
	 * Hands every event recorded on the days {@code from} to {@code to} (both inclusive,
	 * in {@code luoshi.zone}; open ends when null) to the sink in chain order, each with
	 * the digest before it, reading a batch at a time. Returns how many there were.
	 */
	public long export(LocalDate from, LocalDate to, Consumer<ExportedEvent> sink) {
		Instant start = (from != null) ? from.atStartOfDay(this.zone).toInstant() : Instant.EPOCH;
		Instant end = (to != null) ? to.plusDays(1).atStartOfDay(this.zone).toInstant()
				: Instant.parse("9999-12-31T00:00:00Z");
		long[] count = { 0 };
		AuditChain.Link[] previous = { null };
		this.events.forEachBetween(start, end, (link) -> {
			String before = (previous[0] != null && previous[0].seq() == link.seq() - 1) ? previous[0].digest()
					: previousDigest(link.seq());
			sink.accept(new ExportedEvent(link.seq(), link.at(), link.actor(), link.entityType(), link.entityId(),
					link.action(), link.before(), link.after(), link.algorithm(), link.digest(), before));
			previous[0] = link;
			count[0]++;
		});
		return count[0];
	}

	/**
	 * Records that someone exported the trail (who, which days, which format), before the
	 * export is sent: the auditor's own work is audited too.
	 */
	@Transactional
	public void recordExport(LocalDate from, LocalDate to, String format) {
		Map<String, Object> what = new LinkedHashMap<>();
		what.put("from", (from != null) ? from.toString() : null);
		what.put("to", (to != null) ? to.toString() : null);
		what.put("format", format);
		this.publisher.publishEvent(new EntityChanged("audit", "export", "EXPORTED", null, what));
	}

	/** The zone in which exported instants are written. */
	public ZoneId zone() {
		return this.zone;
	}

	private String previousDigest(long seq) {
		if (seq <= 1) {
			return Digests.ZERO;
		}
		return this.events.find(seq - 1).map(AuditChain.Link::digest).orElse(Digests.ZERO);
	}

	private AuditEvent view(AuditChain.Link link) {
		return new AuditEvent(link.seq(), link.at(), link.actor(), link.entityType(), link.entityId(), link.action(),
				tree(link.before()), tree(link.after()), link.algorithm(), link.digest());
	}

	private JsonNode tree(String text) {
		return (text != null) ? this.json.readTree(text) : null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
