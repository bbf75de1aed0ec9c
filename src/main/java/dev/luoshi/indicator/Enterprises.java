package dev.luoshi.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprises and their yearly figures (亩均论英雄): registered and given figures by the
 * supervision office, administrators, and the heads and liaisons of the units within
 * whose data scope they are located; listed with their per-亩 values, score and class for
 * anyone signed in.
 */
@Service
@Transactional
public class Enterprises {

	/**
	 * A unified social credit code: 18 characters of digits and capitals without I, O, S,
	 * V, Z.
	 */
	private static final String CREDIT_CODE = "[0-9A-HJ-NPQRTUWXY]{18}";

	private final EnterpriseRepository repository;

	private final LandEfficiencyProperties settings;

	private final Organization organization;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Enterprises(EnterpriseRepository repository, LandEfficiencyProperties settings, Organization organization,
			DataScopes scopes, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.settings = settings;
		this.organization = organization;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers an enterprise. A malformed credit code or no land (zero 亩) is 400, a code
	 * registered before 409.
	 */
	public Enterprise register(NewEnterprise command) {
		String code = Texts.required("code", command.code(), 18).toUpperCase();
		if (!code.matches(CREDIT_CODE)) {
			throw DomainException.invalid("code", "bad-credit-code",
					"“" + command.code() + "” is no unified social credit code (18 characters)", command.code());
		}
		Texts.required("name", command.name(), 200);
		if (command.landArea() == null || command.landArea().signum() <= 0) {
			throw DomainException.invalid("landArea", "land-area-not-positive",
					"An enterprise without land cannot be measured per 亩");
		}
		if (!this.organization.unitExists(command.unitId())) {
			throw DomainException.invalid("unitId", "unknown-unit", "No unit " + command.unitId(), command.unitId());
		}
		Access.of(this.scopes).requireWrite(command.unitId());
		if (this.repository.codeTaken(code)) {
			throw DomainException.conflict("duplicate-code", "An enterprise with code " + code + " exists", code);
		}
		long id = this.repository.insert(command, code, this.clock.instant());
		Enterprise created = enterprise(id, defaultYear());
		this.events.publishEvent(EntityChanged.created("enterprise", id, created));
		return created;
	}

	/** Enters or corrects an enterprise's figures of a year; a stale version is 409. */
	public Enterprise recordFigures(long id, int year, FigureEntry figures) {
		EnterpriseRepository.Row before = row(id, year);
		Access access = Access.of(this.scopes);
		access.requireWrite(before.unitId());
		Long account = access.user().accountId();
		if (before.figures() == null) {
			this.repository.insertFigures(id, year, figures, account, this.clock.instant());
		}
		else if ((figures.version() != null && figures.version() != before.figures().version()) || this.repository
			.updateFigures(id, year, figures, before.figures().version(), account, this.clock.instant()) == 0) {
			throw DomainException.staleVersion("enterprise", id);
		}
		Enterprise after = enterprise(id, year);
		this.events.publishEvent(new EntityChanged("enterprise", String.valueOf(id), "FIGURES_RECORDED",
				before.figures(), after.figures()));
		return after;
	}

	/** One enterprise with its figures of the year (404 when none). */
	@Transactional(readOnly = true)
	public Enterprise enterprise(long id, int year) {
		EnterpriseRepository.Row row = row(id, year);
		return view(row, year, this.organization.unitNames(List.of(row.unitId())));
	}

	/**
	 * The enterprises located in {@code unitId}'s subtree (all when null) with their
	 * figures of {@code year}, optionally only one class, best score first, paged; with
	 * the count of each class. One query for the enterprises of the year.
	 */
	@Transactional(readOnly = true)
	public EnterpriseList list(int year, Long unitId, Grade grade, PageRequest page) {
		Set<Long> units = (unitId != null) ? this.organization.subtree(unitId) : null;
		List<EnterpriseRepository.Row> rows = this.repository.all(year)
			.stream()
			.filter((row) -> units == null || units.contains(row.unitId()))
			.toList();
		Map<Long, String> names = this.organization
			.unitNames(rows.stream().map(EnterpriseRepository.Row::unitId).collect(Collectors.toSet()));
		List<Enterprise> all = rows.stream()
			.map((row) -> view(row, year, names))
			.sorted((a, b) -> (a.score() == null) ? ((b.score() == null) ? 0 : 1)
					: (b.score() == null) ? -1 : b.score().compareTo(a.score()))
			.toList();
		Map<Grade, Long> grades = new EnumMap<>(Grade.class);
		for (Grade each : Grade.values()) {
			grades.put(each, all.stream().filter((e) -> e.grade() == each).count());
		}
		List<Enterprise> chosen = all.stream().filter((e) -> grade == null || e.grade() == grade).toList();
		List<Enterprise> items = chosen.stream().skip(page.offset()).limit(page.size()).toList();
		return new EnterpriseList(items, chosen.size(), page.page(), page.size(), year, grades);
	}

	/** The year lists show by default: last year, whose figures are complete. */
	@Transactional(readOnly = true)
	public int defaultYear() {
		return LocalDate.now(this.clock).getYear() - 1;
	}

	private EnterpriseRepository.Row row(long id, int year) {
		return this.repository.find(id, year).orElseThrow(() -> DomainException.notFound("enterprise", id));
	}

	private Enterprise view(EnterpriseRepository.Row row, int year, Map<Long, String> unitNames) {
		Enterprise.Figures figures = row.figures();
		LandEfficiencyScore score = (figures != null) ? LandEfficiencyScore.of(row.landArea(), figures.taxPaid(),
				figures.outputValue(), figures.energyUse(), this.settings) : null;
		return new Enterprise(row.id(), row.code(), row.name(), row.unitId(), unitNames.get(row.unitId()),
				row.industry(), Indicators.tidy(row.landArea()), year, figures,
				(score != null) ? score.taxPerMu() : null, (score != null) ? score.outputPerMu() : null,
				(score != null) ? score.outputPerEnergy() : null, (score != null) ? score.score() : null,
				(score != null) ? score.grade() : null, row.version());
	}

}
