package dev.luoshi.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.luoshi.shared.EntityChanged;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records each change in the transaction that made it: a change that rolls back leaves no
 * event, and a change that was acknowledged always has one.
 */
@Component
class AuditRecorder {

	private final AuditRepository events;

	private final AuditProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	AuditRecorder(AuditRepository events, AuditProperties properties, JsonMapper json, Clock clock) {
		this.events = events;
		this.properties = properties;
		this.json = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void on(EntityChanged change) {
		AuditRepository.Head head = this.events.lockHead();
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		AuditChain.Link unsigned = new AuditChain.Link(head.seq() + 1, at, actor(), change.entityType(),
				change.entityId(), change.action(), text(change.before()), text(change.after()),
				this.properties.digest(), null);
		this.events.append(new AuditChain.Link(unsigned.seq(), at, unsigned.actor(), unsigned.entityType(),
				unsigned.entityId(), unsigned.action(), unsigned.before(), unsigned.after(), unsigned.algorithm(),
				unsigned.expectedDigest(head.digest())));
	}

	private String text(Object state) {
		return (state != null) ? this.json.writeValueAsString(state) : null;
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return "system";
		}
		return authentication.getName();
	}

}
