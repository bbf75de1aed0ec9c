package dev.luoshi.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: random, shown once to the caller, stored only as a SHA-256 hash so that a
 * copy of the database does not let anyone in. Every node of a cluster accepts every
 * token.
 */
@Service
@Transactional
public class Tokens {

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
	 * The user behind a token that exists, has not expired and belongs to an enabled
	 * account.
	 */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> authenticate(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("select account_id from api_token where token_hash = ? and expires_at > ?")
			.params(hash(token), Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.optional()
			.flatMap(this.accounts::currentUser);
	}

	public void revoke(String token) {
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

	/** A token and when it stops working. */
	public record IssuedToken(String token, Instant expiresAt) {
	}

}
