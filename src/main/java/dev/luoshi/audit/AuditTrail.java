package dev.luoshi.audit;

import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the audit trail and verifying that nobody has altered it. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	private final AuditRepository events;

	private final JsonMapper json;

	AuditTrail(AuditRepository events, JsonMapper json) {
		this.events = events;
		this.json = json;
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
