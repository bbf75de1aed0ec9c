package dev.luoshi.organization;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit tree: creating, renaming and moving units (a move carries the whole subtree
 * and keeps every path right), and the questions other modules ask of it.
 */
@Service
@Transactional
public class Organization {

	private final UnitRepository units;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Organization(UnitRepository units, ApplicationEventPublisher events, Clock clock) {
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	public Unit createUnit(NewUnit command) {
		if (this.units.codeTaken(command.code())) {
			throw DomainException.conflict("duplicate-code", "A unit with code " + command.code() + " exists",
					command.code());
		}
		String parentPath = "/";
		int depth = 0;
		if (command.parentId() != null) {
			UnitRepository.Row parent = this.units.find(command.parentId())
				.orElseThrow(() -> DomainException.invalid("parentId", "unknown-parent",
						"No unit with id " + command.parentId(), command.parentId()));
			parentPath = parent.idPath();
			depth = parent.depth() + 1;
		}
		long id = this.units.insert(command, parentPath, depth, this.clock.instant());
		Unit created = unit(id);
		this.events.publishEvent(EntityChanged.created("unit", id, created));
		return created;
	}

	public Unit updateUnit(long id, UnitChanges changes) {
		UnitRepository.Row row = row(id);
		Unit before = view(row);
		if (row.version() != changes.version()) {
			throw DomainException.staleVersion("unit", id);
		}
		boolean updated = this.units.update(id, Objects.requireNonNullElse(changes.name(), row.name()),
				Objects.requireNonNullElse(changes.kind(), row.kind()).name(),
				(changes.peerGroup() != null) ? blankToNull(changes.peerGroup()) : row.peerGroup(),
				Objects.requireNonNullElse(changes.sortOrder(), row.sortOrder()), changes.version());
		if (!updated) {
			throw DomainException.staleVersion("unit", id);
		}
		String action = "UPDATED";
		if (Boolean.TRUE.equals(changes.moveToRoot()) && row.parentId() != null) {
			this.units.move(row, null, "/", -1);
			action = "MOVED";
		}
		else if (changes.parentId() != null && !changes.parentId().equals(row.parentId())) {
			UnitRepository.Row parent = this.units.find(changes.parentId())
				.orElseThrow(() -> DomainException.invalid("parentId", "unknown-parent",
						"No unit with id " + changes.parentId(), changes.parentId()));
			if (parent.ancestry().contains(id)) {
				throw DomainException.invalid("parentId", "move-below-itself",
						"A unit cannot be moved below itself or one of its own units");
			}
			this.units.move(row, parent.id(), parent.idPath(), parent.depth());
			action = "MOVED";
		}
		Unit after = unit(id);
		this.events.publishEvent(new EntityChanged("unit", String.valueOf(id), action, before, after));
		return after;
	}

	@Transactional(readOnly = true)
	public Unit unit(long id) {
		return view(row(id));
	}

	@Transactional(readOnly = true)
	public Optional<Unit> findUnit(long id) {
		return this.units.find(id).map(this::view);
	}

	/**
	 * The unit with this code, or else the only unit with this name (as ledgers name
	 * units).
	 */
	@Transactional(readOnly = true)
	public Optional<Unit> findUnitByCodeOrName(String codeOrName) {
		String key = codeOrName.strip();
		Optional<UnitRepository.Row> byCode = this.units.findByCode(key);
		if (byCode.isPresent()) {
			return byCode.map(this::view);
		}
		List<UnitRepository.Row> byName = this.units.findByName(key);
		return (byName.size() == 1) ? Optional.of(view(byName.get(0))) : Optional.empty();
	}

	/** The names of these units, by id; unknown ids are left out. */
	@Transactional(readOnly = true)
	public Map<Long, String> unitNames(Collection<Long> ids) {
		return this.units.findAll(ids)
			.stream()
			.collect(Collectors.toMap(UnitRepository.Row::id, UnitRepository.Row::name));
	}

	@Transactional(readOnly = true)
	public boolean unitExists(long id) {
		return this.units.exists(id);
	}

	@Transactional(readOnly = true)
	public Page<Unit> units(Long parentId, UnitKind kind, String text, String peerGroup, PageRequest page) {
		String kindName = (kind != null) ? kind.name() : null;
		String search = blankToNull(text);
		List<UnitRepository.Row> rows = this.units.page(parentId, kindName, search, peerGroup, (int) page.offset(),
				page.size());
		return new Page<>(views(rows), this.units.count(parentId, kindName, search, peerGroup), page.page(),
				page.size());
	}

	/** Every unit, parents before children, for the tree page and for caches. */
	@Transactional(readOnly = true)
	public List<Unit> allUnits() {
		return views(this.units.all());
	}

	/** The unit and every unit below it. */
	@Transactional(readOnly = true)
	public Set<Long> subtree(long unitId) {
		return new HashSet<>(this.units.subtreeIds(row(unitId)));
	}

	/** The units and every unit below any of them. */
	@Transactional(readOnly = true)
	public Set<Long> subtrees(Collection<Long> unitIds) {
		Set<Long> result = new HashSet<>();
		for (UnitRepository.Row row : this.units.findAll(unitIds)) {
			result.addAll(this.units.subtreeIds(row));
		}
		return result;
	}

	@Transactional(readOnly = true)
	public long unitCount() {
		return this.units.count();
	}

	private UnitRepository.Row row(long id) {
		return this.units.find(id).orElseThrow(() -> DomainException.notFound("unit", id));
	}

	private Unit view(UnitRepository.Row row) {
		return views(List.of(row)).get(0);
	}

	private List<Unit> views(List<UnitRepository.Row> rows) {
		Set<Long> ancestorIds = rows.stream().flatMap((row) -> row.ancestry().stream()).collect(Collectors.toSet());
		Map<Long, UnitRepository.Row> ancestors = this.units.findAll(ancestorIds)
			.stream()
			.collect(Collectors.toMap(UnitRepository.Row::id, Function.identity()));
		return rows.stream()
			.map((row) -> new Unit(row.id(), row.code(), row.name(), row.kind(), row.parentId(), row.peerGroup(),
					row.ancestry()
						.stream()
						.map(ancestors::get)
						.filter(Objects::nonNull)
						.map((a) -> new UnitRef(a.id(), a.code(), a.name()))
						.toList(),
					row.depth(), row.sortOrder(), row.version()))
			.toList();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
