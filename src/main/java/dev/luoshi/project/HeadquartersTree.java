package dev.luoshi.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.luoshi.organization.People;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.work.PersonRef;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The command headquarters: a main headquarters and its specialised ones (专项指挥部). The
 * tree is small (tens of nodes), so it is read whole.
 */
@Service
@Transactional
public class HeadquartersTree {

	private final JdbcClient jdbc;

	private final People people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HeadquartersTree(JdbcClient jdbc, People people, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.events = events;
		this.clock = clock;
	}

	public Headquarters create(NewHeadquarters command) {
		if (this.jdbc.sql("select count(*) from headquarters where code = ?")
			.param(command.code())
			.query(Long.class)
			.single() > 0) {
			throw DomainException.conflict("duplicate-code", "A headquarters with code " + command.code() + " exists",
					command.code());
		}
		if (command.parentId() != null && !exists(command.parentId())) {
			throw DomainException.invalid("parentId", "unknown-headquarters", "No headquarters " + command.parentId(),
					command.parentId());
		}
		if (command.commanderId() != null && this.people.findPerson(command.commanderId()).isEmpty()) {
			throw DomainException.invalid("commanderId", "unknown-person", "No person " + command.commanderId(),
					command.commanderId());
		}
		List<Long> members = Objects.requireNonNullElse(command.memberIds(), List.<Long>of())
			.stream()
			.distinct()
			.toList();
		for (Long member : members) {
			if (this.people.findPerson(member).isEmpty()) {
				throw DomainException.invalid("memberIds", "unknown-person", "No person " + member, member);
			}
		}
		int position = this.jdbc.sql("select count(*) from headquarters where parent_id is not distinct from ?")
			.param(command.parentId())
			.query(Integer.class)
			.single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into headquarters (code, name, parent_id, commander_id, position, created_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(command.code(), command.name(), command.parentId(), command.commanderId(), position,
					Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		members.forEach(
				(member) -> this.jdbc.sql("insert into headquarters_member (headquarters_id, person_id) values (?, ?)")
					.params(id, member)
					.update());
		Headquarters created = headquarters(id);
		this.events.publishEvent(EntityChanged.created("headquarters", id, created));
		return created;
	}

	/** Every headquarters, each parent before its children. */
	@Transactional(readOnly = true)
	public List<Headquarters> all() {
		List<Row> rows = rows();
		Map<Long, List<Long>> members = new HashMap<>();
		this.jdbc.sql("select headquarters_id, person_id from headquarters_member order by person_id").query((rs) -> {
			members.computeIfAbsent(rs.getLong(1), (key) -> new ArrayList<>()).add(rs.getLong(2));
		});
		Set<Long> persons = new HashSet<>();
		rows.stream().map(Row::commanderId).filter(Objects::nonNull).forEach(persons::add);
		members.values().forEach(persons::addAll);
		Map<Long, String> names = this.people.names(persons);
		Map<Long, List<Row>> byParent = new LinkedHashMap<>();
		rows.forEach((row) -> byParent.computeIfAbsent(row.parentId(), (key) -> new ArrayList<>()).add(row));
		List<Headquarters> ordered = new ArrayList<>();
		walk(byParent, null, 0, ordered, members, names);
		return ordered;
	}

	@Transactional(readOnly = true)
	public Headquarters headquarters(long id) {
		return all().stream()
			.filter((hq) -> hq.id() == id)
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("headquarters", id));
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return this.jdbc.sql("select count(*) from headquarters where id = ?").param(id).query(Long.class).single() > 0;
	}

	/** The headquarters and all below it. */
	@Transactional(readOnly = true)
	public Set<Long> subtree(long id) {
		if (!exists(id)) {
			throw DomainException.notFound("headquarters", id);
		}
		Map<Long, List<Long>> children = new HashMap<>();
		rows().forEach((row) -> children.computeIfAbsent(row.parentId(), (key) -> new ArrayList<>()).add(row.id()));
		Set<Long> found = new HashSet<>();
		collect(children, id, found);
		return found;
	}

	/** Headquarters by name or code, for ledgers that name them. */
	@Transactional(readOnly = true)
	public Map<String, Long> byNameAndCode() {
		Map<String, Long> found = new HashMap<>();
		rows().forEach((row) -> {
			found.put(row.name(), row.id());
			found.put(row.code(), row.id());
		});
		return found;
	}

	/** The persons who command or sit on a headquarters holding the given ones. */
	Collection<Long> commandedBy(long personId) {
		return this.jdbc
			.sql("select id from headquarters where commander_id = :person union "
					+ "select headquarters_id from headquarters_member where person_id = :person")
			.param("person", personId)
			.query(Long.class)
			.list();
	}

	private static void collect(Map<Long, List<Long>> children, long id, Set<Long> found) {
		if (found.add(id)) {
			children.getOrDefault(id, List.of()).forEach((child) -> collect(children, child, found));
		}
	}

	private static void walk(Map<Long, List<Row>> byParent, Long parent, int depth, List<Headquarters> ordered,
			Map<Long, List<Long>> members, Map<Long, String> names) {
		for (Row row : byParent.getOrDefault(parent, List.of())) {
			PersonRef commander = (row.commanderId() != null)
					? new PersonRef(row.commanderId(), names.get(row.commanderId())) : null;
			ordered.add(new Headquarters(row.id(), row.code(), row.name(), row.parentId(), depth, commander,
					members.getOrDefault(row.id(), List.of())
						.stream()
						.map((person) -> new PersonRef(person, names.get(person)))
						.toList(),
					row.version()));
			walk(byParent, row.id(), depth + 1, ordered, members, names);
		}
	}

	private List<Row> rows() {
		return this.jdbc
			.sql("select id, code, name, parent_id, commander_id, version from headquarters order by position, id")
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					(Long) rs.getObject("parent_id", Long.class), (Long) rs.getObject("commander_id", Long.class),
					rs.getLong("version")))
			.list();
	}

	private record Row(long id, String code, String name, Long parentId, Long commanderId, long version) {
	}

}
