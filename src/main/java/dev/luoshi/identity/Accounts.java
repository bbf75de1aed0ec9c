package dev.luoshi.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
		this.accounts.changePassword(id, this.passwords.encode(newPassword), this.clock.instant());
		this.accounts.clearFailures(id);
		this.accounts.lockUntil(id, null);
		this.events.publishEvent(new EntityChanged("user", String.valueOf(id),
				reset ? "PASSWORD_RESET" : "PASSWORD_CHANGED", null, null));
	}

	/**
	 * Checks a sign-in. Refuses without saying whether the username exists; counts
	 * failures of a known account and locks it after too many. Failures are recorded even
	 * though the caller's transaction ends in a refusal.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = SignInRefused.class)
	public CurrentUser authenticate(String username, String password) {
		AccountRepository.Row row = (username != null) ? this.accounts.findByUsername(username).orElse(null) : null;
		if (row == null) {
			this.passwords.matches(String.valueOf(password), this.dummyHash);
			throw new SignInRefused("Wrong username or password", null);
		}
		Instant now = this.clock.instant();
		if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
			throw new SignInRefused("The account is locked", row.lockedUntil());
		}
		if (password == null || !this.passwords.matches(password, row.passwordHash())) {
			this.accounts.recordFailure(row.id(), now);
			if (this.accounts.failuresSince(row.id(), now.minus(this.properties.lockoutWindow())) >= this.properties
				.lockoutFailures()) {
				Instant until = now.plus(this.properties.lockoutDuration());
				this.accounts.lockUntil(row.id(), until);
				this.accounts.clearFailures(row.id());
				this.events.publishEvent(new EntityChanged("user", String.valueOf(row.id()), "LOCKED", null, null));
				throw new SignInRefused("The account is locked", until);
			}
			throw new SignInRefused("Wrong username or password", null);
		}
		if (!row.enabled()) {
			throw new SignInRefused("Wrong username or password", null);
		}
		this.accounts.clearFailures(row.id());
		if (row.lockedUntil() != null) {
			this.accounts.lockUntil(row.id(), null);
		}
		return row.toCurrentUser();
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
				row.version());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
