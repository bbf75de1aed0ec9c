package dev.luoshi.notification;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifying people: an inbox entry per account, and in the same transaction the
 * deliveries that push it (e-mail to those who gave an address, the unit's group robots),
 * sent later by {@link Deliveries}.
 */
@Service
@Transactional
public class Notifications {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final DataScopes scopes;

	private final NotificationProperties properties;

	private final Clock clock;

	private final ObjectProvider<JavaMailSender> mail;

	Notifications(JdbcClient jdbc, Accounts accounts, DataScopes scopes, NotificationProperties properties,
			ObjectProvider<JavaMailSender> mail, Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.accounts = accounts;
		this.scopes = scopes;
		this.properties = properties;
		this.clock = clock;
	}

	/** Notifies the liaisons and heads of a unit, and the robots that hear the unit. */
	public void notifyUnit(long unitId, Message message) {
		List<Long> recipients = this.accounts.actingFor(unitId, Role.UNIT_OPERATOR, Role.UNIT_HEAD);
		notifyAccounts(recipients, message);
		Instant now = this.clock.instant();
		this.jdbc.sql("select id, url from robot where enabled and (unit_id = ? or unit_id is null)")
			.param(unitId)
			.query((rs, n) -> new long[] { rs.getLong("id") })
			.list()
			.forEach((robot) -> this.jdbc.sql(
					"insert into delivery (channel, target, robot_id, subject, body, status, next_attempt_at, created_at) "
							+ "values ('ROBOT', (select url from robot where id = ?), ?, ?, ?, 'PENDING', ?, ?)")
				.params(robot[0], robot[0], cut(message.subject(), 300), cut(message.body(), 4000), Timestamp.from(now),
						Timestamp.from(now))
				.update());
	}

	/**
	 * Puts the message in each account's inbox and, when a mail server is configured,
	 * queues its e-mail.
	 */
	public void notifyAccounts(Collection<Long> accountIds, Message message) {
		Instant now = this.clock.instant();
		List<Long> accounts = accountIds.stream().distinct().toList();
		if (accounts.isEmpty()) {
			return;
		}
		// the recipients' e-mail settings in one query
		Map<Long, Contact> contacts = new HashMap<>();
		if (this.mail.getIfAvailable() != null) {
			this.jdbc
				.sql("select account_id, email, digest from notification_contact where account_id in (:accounts) "
						+ "and email is not null")
				.param("accounts", accounts)
				.query((rs, n) -> contacts.put(rs.getLong(1), new Contact(rs.getString(2), rs.getBoolean(3))))
				.list();
		}
		for (Long account : accounts) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc
				.sql("insert into notification (account_id, subject, body, link, entity_type, entity_id, created_at) "
						+ "values (?, ?, ?, ?, ?, ?, ?)")
				.params(account, cut(message.subject(), 300), cut(message.body(), 4000), message.link(),
						message.entityType(), message.entityId(), Timestamp.from(now))
				.update(keys, "id");
			Contact contact = contacts.get(account);
			if (contact == null) {
				continue;
			}
			this.jdbc
				.sql("insert into delivery (notification_id, channel, target, subject, body, status, next_attempt_at, "
						+ "created_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?)")
				.params(keys.getKeyAs(Long.class), contact.digest() ? "DIGEST" : "EMAIL", contact.email(),
						cut(message.subject(), 300), cut(message.body(), 4000),
						Timestamp.from(contact.digest()
								? Deliveries.nextDigest(now, this.clock.getZone(), this.properties.digestAt()) : now),
						Timestamp.from(now))
				.update();
		}
	}

	/** The caller's inbox, newest first. */
	@Transactional(readOnly = true)
	public Page<Notification> inbox(PageRequest page) {
		long account = caller().accountId();
		List<Notification> items = this.jdbc
			.sql("select id, subject, body, link, entity_type, entity_id, created_at, read_at from notification "
					+ "where account_id = ? order by created_at desc, id desc offset ? rows fetch next ? rows only")
			.params(account, page.offset(), page.size())
			.query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("subject"), rs.getString("body"),
					rs.getString("link"), rs.getString("entity_type"), rs.getString("entity_id"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
			.list();
		long total = this.jdbc.sql("select count(*) from notification where account_id = ?")
			.param(account)
			.query(Long.class)
			.single();
		return new Page<>(items, total, page.page(), page.size());
	}

	@Transactional(readOnly = true)
	public long unread(long accountId) {
		return this.jdbc.sql("select count(*) from notification where account_id = ? and read_at is null")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	/** Marks one of the caller's notifications read (404 for anybody else's). */
	public void markRead(long id) {
		int updated = this.jdbc
			.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and account_id = ?")
			.params(Timestamp.from(this.clock.instant()), id, caller().accountId())
			.update();
		if (updated == 0) {
			throw DomainException.notFound("notification", id);
		}
	}

	/**
	 * The caller's e-mail address (none to stop e-mails) and whether to get one digest a
	 * day.
	 */
	public void setContact(String email, boolean digest) {
		email = (email != null && !email.isBlank()) ? email.strip() : null;
		if (email != null && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			throw DomainException.invalid("email", "email", "Not an e-mail address: " + email, email);
		}
		long account = caller().accountId();
		int updated = this.jdbc.sql("update notification_contact set email = ?, digest = ? where account_id = ?")
			.params(email, digest, account)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into notification_contact (account_id, email, digest) values (?, ?, ?)")
				.params(account, email, digest)
				.update();
		}
	}

	/** The caller's e-mail address (or null) and whether they chose the daily digest. */
	@Transactional(readOnly = true)
	public Contact contact() {
		return this.jdbc.sql("select email, digest from notification_contact where account_id = ?")
			.param(caller().accountId())
			.query((rs, n) -> new Contact(rs.getString(1), rs.getBoolean(2)))
			.optional()
			.orElse(new Contact(null, false));
	}

	/** Where a person's messages are mailed, one by one or as a daily digest. */
	public record Contact(String email, boolean digest) {
	}

	/**
	 * Adds a group robot. Its address must be on one of the allowed hosts (the vendors'
	 * by default), so the server posts nowhere else; a WeCom robot takes no secret.
	 */
	public Robot addRobot(Long unitId, RobotKind kind, String name, String url, String secret) {
		String host;
		try {
			URI address = URI.create(url);
			host = address.getHost();
			if (address.getScheme() == null || !address.getScheme().matches("https?") || host == null) {
				throw new IllegalArgumentException(url);
			}
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("url", "robot-url", "Not a web address: " + url, url);
		}
		if (!this.properties.robotHosts().contains(host.toLowerCase(java.util.Locale.ROOT))) {
			throw DomainException.invalid("url", "robot-host",
					"Robots are reached only at " + this.properties.robotHosts(), host);
		}
		if (kind == RobotKind.WECOM && secret != null && !secret.isBlank()) {
			throw DomainException.invalid("secret", "robot-secret", "WeCom robots are not signed");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into robot (unit_id, kind, name, url, secret) values (?, ?, ?, ?, ?)")
			.params(unitId, kind.name(), name, url, secret)
			.update(keys, "id");
		return robots().stream().filter((robot) -> robot.id() == keys.getKeyAs(Long.class)).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Robot> robots() {
		return this.jdbc.sql("select id, unit_id, kind, name, url, secret, enabled from robot order by id")
			.query((rs, n) -> new Robot(rs.getLong("id"), rs.getObject("unit_id", Long.class),
					RobotKind.valueOf(rs.getString("kind")), rs.getString("name"), Robot.masked(rs.getString("url")),
					rs.getString("secret") != null, rs.getBoolean("enabled")))
			.list();
	}

	private CurrentUser caller() {
		return this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
	}

	private static String cut(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length);
	}

}
