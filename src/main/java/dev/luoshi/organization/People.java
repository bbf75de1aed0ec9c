package dev.luoshi.organization;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People of the organisation, whether or not they have an account: the leaders named in
 * task books and campaigns, their posts and their portfolios (分管).
 */
@Service
@Transactional
public class People {

	private final PersonRepository people;

	private final UnitRepository units;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	People(PersonRepository people, UnitRepository units, ApplicationEventPublisher events, Clock clock) {
		this.people = people;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	public Person create(NewPerson command) {
		requireUnit("unitId", command.unitId());
		long id = this.people.insert(command.name().strip(), command.unitId(), blankToNull(command.title()),
				blankToNull(command.phone()), this.clock.instant());
		Person created = person(id);
		this.events.publishEvent(EntityChanged.created("person", id, created));
		return created;
	}

	public Person update(long id, PersonChanges changes) {
		Person before = person(id);
		if (changes.unitId() != null) {
			requireUnit("unitId", changes.unitId());
		}
		boolean updated = this.people.update(id, Objects.requireNonNullElse(changes.name(), before.name()),
				Objects.requireNonNullElse(changes.unitId(), before.unitId()),
				(changes.title() != null) ? blankToNull(changes.title()) : before.title(),
				(changes.phone() != null) ? blankToNull(changes.phone()) : before.phone(), changes.version());
		if (!updated) {
			throw DomainException.staleVersion("person", id);
		}
		Person after = person(id);
		this.events.publishEvent(EntityChanged.updated("person", id, before, after));
		return after;
	}

	public Person addPosition(long personId, long unitId, String title) {
		Person before = person(personId);
		requireUnit("unitId", unitId);
		if (title == null || title.isBlank()) {
			throw DomainException.invalid("title", "required", "title is required");
		}
		this.people.addPosition(personId, unitId, title.strip());
		this.people.bumpVersion(personId);
		Person after = person(personId);
		this.events
			.publishEvent(new EntityChanged("person", String.valueOf(personId), "POSITION_ADDED", before, after));
		return after;
	}

	/** Replaces the units the person is in charge of (分管). */
	public Person assignPortfolio(long personId, Collection<Long> unitIds) {
		Person before = person(personId);
		Set<Long> distinct = new LinkedHashSet<>(unitIds);
		for (Long unitId : distinct) {
			requireUnit("portfolioUnitIds", unitId);
		}
		this.people.replacePortfolio(personId, distinct);
		this.people.bumpVersion(personId);
		Person after = person(personId);
		this.events
			.publishEvent(new EntityChanged("person", String.valueOf(personId), "PORTFOLIO_ASSIGNED", before, after));
		return after;
	}

	@Transactional(readOnly = true)
	public Person person(long id) {
		return findPerson(id).orElseThrow(() -> DomainException.notFound("person", id));
	}

	@Transactional(readOnly = true)
	public Optional<Person> findPerson(long id) {
		return this.people.find(id).map(this::view);
	}

	@Transactional(readOnly = true)
	public List<Person> people(Collection<Long> ids) {
		return this.people.findAll(ids).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public Page<Person> people(Long unitId, String text, PageRequest page) {
		String search = blankToNull(text);
		return new Page<>(
				this.people.page(unitId, search, (int) page.offset(), page.size()).stream().map(this::view).toList(),
				this.people.count(unitId, search), page.page(), page.size());
	}

	/** The names of these people, by id; unknown ids are left out. */
	@Transactional(readOnly = true)
	public Map<Long, String> names(Collection<Long> ids) {
		return this.people.findAll(ids)
			.stream()
			.collect(Collectors.toMap(PersonRepository.Row::id, PersonRepository.Row::name));
	}

	/** The units the person is in charge of (分管), without the units below them. */
	@Transactional(readOnly = true)
	public List<Long> portfolio(long personId) {
		return this.people.portfolio(personId);
	}

	/** The leaders in charge of this unit (分管领导). */
	@Transactional(readOnly = true)
	public List<Long> leadersOf(long unitId) {
		return this.people.leadersOf(unitId);
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.people.count();
	}

	private void requireUnit(String field, long unitId) {
		if (!this.units.exists(unitId)) {
			throw DomainException.invalid(field, "unknown-unit", "No unit with id " + unitId, unitId);
		}
	}

	private Person view(PersonRepository.Row row) {
		return new Person(row.id(), row.name(), row.unitId(), row.unitName(), row.title(), row.phone(),
				this.people.positions(row.id()), this.people.portfolio(row.id()), row.version());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
