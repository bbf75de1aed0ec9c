package dev.luoshi.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.luoshi.shared.EntityChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: random, shown once to the caller, stored only as a SHA-256 hash so that a
 * copy of the database does not let anyone in. A token works for its lifetime unless it
 * lies unused for longer than the idle timeout. Every node of a cluster accepts every
 * token.
 */
@Service
@Transactional
public class Tokens {

	/** How stale the recorded last use of a token may get before it is written again. */
	private static final Duration MARK_EVERY = Duration.ofMinutes(1);

	/** How long a token's check against the database holds, in real time. */
	static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

	private static final int MAX_RECENT = 10_000;

	/** Account events that change nothing a token's check depends on. */
	private static final Set<String> NOT_CHANGES = Set.of("SIGNED_IN", "SIGN_IN_REFUSED");

	/** Tokens recently checked against the database, by hash. */
	private final Map<String, Checked> recent = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final IdentityProperties properties;

	private final Clock clock;

	Tokens(JdbcClient jdbc, Accounts accounts, IdentityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	/** A token for a signed-in user. */
	public IssuedToken issue(CurrentUser user) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.tokenLifetime());
		this.jdbc.sql("delete from api_token where account_id = ? and expires_at < ?")
			.params(user.accountId(), Timestamp.from(now))
			.update();
		this.jdbc.sql("insert into api_token (token_hash, account_id, issued_at, expires_at) values (?, ?, ?, ?)")
			.params(hash(token), user.accountId(), Timestamp.from(now), Timestamp.from(expiresAt))
			.update();
		return new IssuedToken(token, expiresAt);
	}

	/**
	 * The user behind a token that exists, has not expired, has been used within the idle
	 * timeout and belongs to an enabled account. Marks the token used, at most once a
	 * minute, so that the idle timeout costs no write on most requests.
	 * <p>
	 * A token checked against the database within the last {@link #RECHECK_AFTER} (real
	 * time) is taken from memory, which saves a province's busy lists three queries a
	 * request. This node forgets a token at once when it is revoked here and every token
	 * when an account changes here; a revocation or change on another node of a cluster
	 * takes effect here within {@link #RECHECK_AFTER}.
	 */
	public Optional<CurrentUser> authenticate(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(token);
		Instant now = this.clock.instant();
		Checked checked = this.recent.get(hash);
		if (checked != null && checked.holds(now, System.nanoTime())) {
			return Optional.of(checked.user());
		}
		Optional<Use> use = this.jdbc
			.sql("select account_id, coalesce(last_used_at, issued_at) as last_used, expires_at from api_token "
					+ "where token_hash = ? and expires_at > ?")
			.params(hash, Timestamp.from(now))
			.query((rs, n) -> new Use(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.optional();
		if (use.isEmpty()) {
			this.recent.remove(hash);
			return Optional.empty();
		}
		Duration idle = this.properties.tokenIdleTimeout();
		Instant lastUsed = use.get().lastUsed();
		if (idle != null && !lastUsed.plus(idle).isAfter(now)) {
			this.recent.remove(hash);
			return Optional.empty();
		}
		if (!lastUsed.plus(MARK_EVERY).isAfter(now)) {
			this.jdbc.sql("update api_token set last_used_at = ? where token_hash = ?")
				.params(Timestamp.from(now), hash)
				.update();
			lastUsed = now;
		}
		Optional<CurrentUser> user = this.accounts.currentUser(use.get().accountId());
		if (user.isPresent()) {
			remember(hash, new Checked(user.get(), use.get().expiresAt(), lastUsed, idle, System.nanoTime()));
		}
		return user;
	}

	private void remember(String hash, Checked checked) {
		if (this.recent.size() >= MAX_RECENT) {
			this.recent.clear();
		}
		this.recent.put(hash, checked);
	}

	/**
	 * Forgets every token checked: an account was changed (roles, unit, disabled,
	 * password) and its tokens must be checked again.
	 */
	@EventListener
	void accountChanged(EntityChanged change) {
		if ("user".equals(change.entityType()) && !NOT_CHANGES.contains(change.action())) {
			this.recent.clear();
		}
	}

	public void revoke(String token) {
		this.recent.remove(hash(token));
		this.jdbc.sql("delete from api_token where token_hash = ?").param(hash(token)).update();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Use(long accountId, Instant lastUsed, Instant expiresAt) {
	}

	/** A token and when it stops working. */
	public record IssuedToken(String token, Instant expiresAt) {
	}

	/**
	 * A token's check: it holds for {@link #RECHECK_AFTER} of real time, while the token
	 * has not expired, its idle timeout has not passed and its last use needs no mark.
	 */
	private record Checked(CurrentUser user, Instant expiresAt, Instant lastUsed, Duration idle, long checkedNanos) {

		boolean holds(Instant now, long nanos) {
			return nanos - this.checkedNanos < RECHECK_AFTER.toNanos() && now.isBefore(this.expiresAt)
					&& now.isBefore(this.lastUsed.plus(MARK_EVERY))
					&& (this.idle == null || now.isBefore(this.lastUsed.plus(this.idle)));
		}

	}

}
