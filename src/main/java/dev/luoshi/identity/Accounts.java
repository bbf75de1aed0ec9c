package dev.luoshi.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.luoshi.organization.NewPerson;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.organization.Person;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: creating them for people, changing their roles and passwords, and checking a
 * sign-in with the lockout rule (5 failures within 15 minutes lock the account for 15
 * minutes).
 */
@Service
@Transactional
public class Accounts {

	private final AccountRepository accounts;

	private final People people;

	private final Organization organization;

	private final PasswordEncoder passwords;

	private final IdentityProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * A hash of nothing anyone knows, so that unknown usernames cost as much time as
	 * known ones.
	 */
	private final String dummyHash;

	Accounts(AccountRepository accounts, People people, Organization organization, PasswordEncoder passwords,
			IdentityProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.people = people;
		this.organization = organization;
		this.passwords = passwords;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.dummyHash = passwords.encode(UUID.randomUUID().toString());
	}

	public Account create(NewAccount command) {
		PasswordPolicy.check(command.username(), command.password());
		if (command.roles() == null || command.roles().isEmpty()
				|| command.roles().stream().anyMatch(Objects::isNull)) {
			throw DomainException.invalid("roles", "roles-required", "An account needs at least one role");
		}
		checkRoles(command.roles());
		if (this.accounts.usernameTaken(command.username())) {
			throw DomainException.conflict("duplicate-username", "The username " + command.username() + " is taken",
					command.username());
		}
		Person person = personFor(command);
		long id = this.accounts.insert(command.username(), this.passwords.encode(command.password()), person.id(),
				person.unitId(), Objects.requireNonNullElse(blankToNull(command.displayName()), person.name()),
				this.clock.instant());
		this.accounts.replaceRoles(id, command.roles());
		if (command.portfolioUnitIds() != null) {
			this.people.assignPortfolio(person.id(), command.portfolioUnitIds());
		}
		Account created = account(id);
		this.events.publishEvent(EntityChanged.created("user", id, created));
		return created;
	}

	private Person personFor(NewAccount command) {
		if (command.personId() != null) {
			return this.people.findPerson(command.personId())
				.orElseThrow(() -> DomainException.invalid("personId", "unknown-person",
						"No person with id " + command.personId(), command.personId()));
		}
		if (blankToNull(command.displayName()) == null) {
			throw DomainException.invalid("displayName", "required", "displayName is required without personId");
		}
		if (command.unitId() == null) {
			throw DomainException.invalid("unitId", "required", "unitId is required without personId");
		}
		if (!this.organization.unitExists(command.unitId())) {
			throw DomainException.invalid("unitId", "unknown-unit", "No unit with id " + command.unitId(),
					command.unitId());
		}
		return this.people.create(new NewPerson(command.displayName(), command.unitId(), null, null));
	}

	public Account update(long id, AccountChanges changes) {
		AccountRepository.Row row = row(id);
		Account before = view(row);
		long unitId = Objects.requireNonNullElse(changes.unitId(), row.unitId());
		if (!this.organization.unitExists(unitId)) {
			throw DomainException.invalid("unitId", "unknown-unit", "No unit with id " + unitId, unitId);
		}
		if (!this.accounts.update(id, Objects.requireNonNullElse(changes.displayName(), row.displayName()), unitId,
				Objects.requireNonNullElse(changes.enabled(), row.enabled()), changes.version())) {
			throw DomainException.staleVersion("user", id);
		}
		if (changes.roles() != null) {
			checkRoles(changes.roles());
			refuseSelfAudit(row, changes.roles());
			this.accounts.replaceRoles(id, changes.roles());
		}
		if (changes.portfolioUnitIds() != null) {
			this.people.assignPortfolio(row.personId(), changes.portfolioUnitIds());
		}
		Account after = account(id);
		this.events.publishEvent(EntityChanged.updated("user", id, before, after));
		return after;
	}

	/**
	 * Sets a new password; the old one must be given unless an administrator resets it.
	 */
	public void changePassword(long id, String oldPassword, String newPassword, boolean reset) {
		AccountRepository.Row row = row(id);
		if (!reset && (oldPassword == null || !this.passwords.matches(oldPassword, row.passwordHash()))) {
			throw DomainException.invalid("oldPassword", "wrong-password", "The current password is wrong");
		}
		PasswordPolicy.check(row.username(), newPassword);
		if (!reset) {
			refuseReuse(row, newPassword);
		}
		this.accounts.changePassword(id, this.passwords.encode(newPassword), this.clock.instant());
		this.accounts.clearFailures(id);
		this.accounts.lockUntil(id, null);
		this.events.publishEvent(new EntityChanged("user", String.valueOf(id),
				reset ? "PASSWORD_RESET" : "PASSWORD_CHANGED", null, null));
	}

	/**
	 * Sets a new password for someone who is not signed in, e.g. because their password
	 * has expired: the username and current password are checked like a sign-in (wrong
	 * ones count towards the lockout) but an expired password is accepted here. The
	 * change is audited as the account's own.
	 */
	@Transactional(noRollbackFor = SignInRefused.class)
	public void changeExpiredPassword(String username, String oldPassword, String newPassword) {
		AccountRepository.Row row = verify(username, oldPassword, null);
		PasswordPolicy.check(row.username(), newPassword);
		refuseReuse(row, newPassword);
		this.accounts.changePassword(row.id(), this.passwords.encode(newPassword), this.clock.instant());
		CurrentUsers.actingAs(row.toCurrentUser(), () -> {
			this.events
				.publishEvent(new EntityChanged("user", String.valueOf(row.id()), "PASSWORD_CHANGED", null, null));
			return null;
		});
	}

	/**
	 * When the password of an account stops being accepted for signing in, or null when
	 * passwords do not expire ({@code luoshi.identity.password-max-age} unset).
	 */
	@Transactional(readOnly = true)
	public Instant passwordExpiresAt(long id) {
		return expiresAt(row(id));
	}

	private Instant expiresAt(AccountRepository.Row row) {
		return (this.properties.passwordMaxAge() != null)
				? row.passwordChangedAt().plus(this.properties.passwordMaxAge()) : null;
	}

	private void refuseReuse(AccountRepository.Row row, String newPassword) {
		if (newPassword != null && this.passwords.matches(newPassword, row.passwordHash())) {
			throw DomainException.invalid("newPassword", "password-reused",
					"The new password must differ from the current one");
		}
	}

	/**
	 * Separation of duties (三员分立): an auditor account holds no other role, so the
	 * administrator and the auditor are never the same account.
	 */
	private static void checkRoles(Collection<Role> roles) {
		if (roles != null && roles.contains(Role.AUDITOR) && roles.stream().anyMatch((role) -> role != Role.AUDITOR)) {
			throw DomainException.invalid("roles", "auditor-alone",
					"An auditor holds no other role: the administrator and the auditor must be different accounts");
		}
	}

	/**
	 * Nobody makes their own account an auditor, so an administrator cannot audit
	 * themself.
	 */
	private static void refuseSelfAudit(AccountRepository.Row row, Collection<Role> roles) {
		boolean self = CurrentUsers.current().map((caller) -> caller.accountId() == row.id()).orElse(false);
		if (self && roles.contains(Role.AUDITOR) && !row.roles().contains(Role.AUDITOR)) {
			throw DomainException.forbidden("auditor-self", "Nobody may make their own account an auditor");
		}
	}

	/**
	 * Checks a sign-in from somewhere unknown; see
	 * {@link #authenticate(String, String, String)}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = SignInRefused.class)
	public CurrentUser authenticate(String username, String password) {
		return authenticate(username, password, null);
	}

	/**
	 * Checks a sign-in. Refuses without saying whether the username exists; counts
	 * failures of a known account and locks it after too many; refuses a right password
	 * that is older than {@code luoshi.identity.password-max-age} until it is changed.
	 * Every sign-in to a known account, granted or refused, is audited with the address
	 * it came from; failures are recorded even though the caller's transaction ends in a
	 * refusal.
	 * @param from the client's address as the server sees it (behind a trusted proxy, the
	 * forwarded one), or null
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = SignInRefused.class)
	public CurrentUser authenticate(String username, String password, String from) {
		AccountRepository.Row row = verify(username, password, from);
		Instant expiresAt = expiresAt(row);
		if (expiresAt != null && !expiresAt.isAfter(this.clock.instant())) {
			throw refused(row, "PASSWORD_EXPIRED", from, SignInRefused.passwordExpired(row.passwordChangedAt()));
		}
		CurrentUser user = row.toCurrentUser();
		CurrentUsers.actingAs(user, () -> {
			this.events.publishEvent(
					new EntityChanged("user", String.valueOf(row.id()), "SIGNED_IN", null, signIn(null, from)));
			return null;
		});
		return user;
	}

	private AccountRepository.Row verify(String username, String password, String from) {
		AccountRepository.Row row = (username != null) ? this.accounts.findByUsername(username).orElse(null) : null;
		if (row == null) {
			this.passwords.matches(String.valueOf(password), this.dummyHash);
			throw new SignInRefused("Wrong username or password", null);
		}
		Instant now = this.clock.instant();
		if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
			throw refused(row, "LOCKED", from, new SignInRefused("The account is locked", row.lockedUntil()));
		}
		if (password == null || !this.passwords.matches(password, row.passwordHash())) {
			this.accounts.recordFailure(row.id(), now);
			if (this.accounts.failuresSince(row.id(), now.minus(this.properties.lockoutWindow())) >= this.properties
				.lockoutFailures()) {
				Instant until = now.plus(this.properties.lockoutDuration());
				this.accounts.lockUntil(row.id(), until);
				this.accounts.clearFailures(row.id());
				refused(row, "WRONG_PASSWORD", from, null);
				this.events.publishEvent(new EntityChanged("user", String.valueOf(row.id()), "LOCKED", null, null));
				throw new SignInRefused("The account is locked", until);
			}
			throw refused(row, "WRONG_PASSWORD", from, new SignInRefused("Wrong username or password", null));
		}
		if (!row.enabled()) {
			throw refused(row, "DISABLED", from, new SignInRefused("Wrong username or password", null));
		}
		this.accounts.clearFailures(row.id());
		if (row.lockedUntil() != null) {
			this.accounts.lockUntil(row.id(), null);
		}
		return row;
	}

	/** Audits a refused sign-in to a known account and hands back the refusal. */
	private SignInRefused refused(AccountRepository.Row row, String reason, String from, SignInRefused refusal) {
		this.events.publishEvent(
				new EntityChanged("user", String.valueOf(row.id()), "SIGN_IN_REFUSED", null, signIn(reason, from)));
		return refusal;
	}

	private static Map<String, String> signIn(String reason, String from) {
		Map<String, String> what = new LinkedHashMap<>();
		if (reason != null) {
			what.put("reason", reason);
		}
		if (from != null) {
			what.put("from", from);
		}
		return what;
	}

	@Transactional(readOnly = true)
	public Account account(long id) {
		return view(row(id));
	}

	@Transactional(readOnly = true)
	public Page<Account> accounts(Long unitId, String text, PageRequest page) {
		String search = blankToNull(text);
		return new Page<>(
				this.accounts.page(unitId, search, (int) page.offset(), page.size()).stream().map(this::view).toList(),
				this.accounts.count(unitId, search), page.page(), page.size());
	}

	/**
	 * Who acts for a unit in these roles: the enabled accounts of exactly that unit, in
	 * one query whatever their number (for notifying the unit).
	 */
	@Transactional(readOnly = true)
	public List<Long> actingFor(long unitId, Role... roles) {
		return this.accounts.enabledIdsOf(unitId, java.util.Arrays.stream(roles).map(Role::name).toList());
	}

	@Transactional(readOnly = true)
	public Optional<Account> byUsername(String username) {
		return this.accounts.findByUsername(username).map(this::view);
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return this.accounts.find(id).isPresent();
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return this.accounts.exists(username);
	}

	/** The signed-in view of an enabled account, e.g. to refresh it behind a token. */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> currentUser(long id) {
		return this.accounts.find(id).filter(AccountRepository.Row::enabled).map(AccountRepository.Row::toCurrentUser);
	}

	private AccountRepository.Row row(long id) {
		return this.accounts.find(id).orElseThrow(() -> DomainException.notFound("user", id));
	}

	private Account view(AccountRepository.Row row) {
		return new Account(row.id(), row.username(), row.displayName(), row.personId(), row.unitId(), row.unitName(),
				List.copyOf(row.roles()), this.people.portfolio(row.personId()), row.enabled(), row.lockedUntil(),
				row.version(), row.passwordChangedAt());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
