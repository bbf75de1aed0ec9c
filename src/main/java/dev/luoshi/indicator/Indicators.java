package dev.luoshi.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.luoshi.identity.DataScopes;
import dev.luoshi.shared.Period;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator catalogue and its values per region and period: entered one at a time or
 * from a ledger by the supervision office, administrators and the units' heads and
 * liaisons within their data scope; read by everyone signed in.
 */
@Service
@Transactional
public class Indicators {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final IndicatorRepository repository;

	private final Organization organization;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Indicators(IndicatorRepository repository, Organization organization, DataScopes scopes,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.organization = organization;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Indicator> catalogue() {
		return this.repository.all();
	}

	/** Adds an indicator to the catalogue; a code in use is 409. */
	public Indicator define(NewIndicator command) {
		String code = Texts.required("code", command.code(), 64);
		if (this.repository.findByCode(code).isPresent()) {
			throw DomainException.conflict("duplicate-code", "An indicator with code " + code + " exists", code);
		}
		long id = this.repository.insert(command, !Boolean.FALSE.equals(command.higherIsBetter()),
				this.clock.instant());
		Indicator created = this.repository.findByCode(code).orElseThrow();
		this.events.publishEvent(EntityChanged.created("indicator", id, created));
		return created;
	}

	/** The indicator with this code (404 when none). */
	@Transactional(readOnly = true)
	public Indicator indicator(String code) {
		return this.repository.findByCode((code != null) ? code.strip() : "")
			.orElseThrow(() -> DomainException.notFound("indicator", code));
	}

	/**
	 * Enters a value: creates it, or changes the stored one where the entry gives a
	 * figure. Unknown indicator or region and a malformed period are 400; a region
	 * outside the caller's data scope 403; a stale {@code version} 409.
	 */
	public IndicatorValue enter(ValueEntry entry) {
		Indicator indicator = this.repository.findByCode(entry.indicator().strip())
			.orElseThrow(() -> DomainException.invalid("indicator", "unknown-indicator",
					"No indicator " + entry.indicator(), entry.indicator()));
		if (!this.organization.unitExists(entry.regionId())) {
			throw DomainException.invalid("regionId", "unknown-unit", "No unit " + entry.regionId(), entry.regionId());
		}
		Period period = Period.parse("period", entry.period());
		Access access = Access.of(this.scopes);
		access.requireWrite(entry.regionId());
		store(indicator, entry.regionId(), period, entry, access);
		return view(this.repository.findValue(indicator.id(), entry.regionId(), period.code()).orElseThrow());
	}

	/** Stores an entry already checked; publishes the change for the audit trail. */
	void store(Indicator indicator, long regionId, Period period, ValueEntry entry, Access access) {
		var existing = this.repository.findValue(indicator.id(), regionId, period.code());
		Long account = access.user().accountId();
		if (existing.isEmpty()) {
			if (entry.target() == null && entry.actual() == null && entry.growth() == null) {
				throw DomainException.invalid("actual", "value-empty", "Give a target, an actual or a growth");
			}
			this.repository.insertValue(indicator.id(), regionId, period, entry.target(), entry.actual(),
					entry.growth(), account, this.clock.instant());
		}
		else {
			IndicatorRepository.ValueRow before = existing.get();
			if (entry.version() != null && entry.version() != before.version()) {
				throw DomainException.staleVersion("indicator-value", before.id());
			}
			if (this.repository.updateValue(before.id(), either(entry.target(), before.target()),
					either(entry.actual(), before.actual()), either(entry.growth(), before.growth()), before.version(),
					account, this.clock.instant()) == 0) {
				throw DomainException.staleVersion("indicator-value", before.id());
			}
		}
		IndicatorRepository.ValueRow after = this.repository.findValue(indicator.id(), regionId, period.code())
			.orElseThrow();
		this.events.publishEvent(existing.isEmpty() ? EntityChanged.created("indicator-value", after.id(), after)
				: EntityChanged.updated("indicator-value", after.id(), existing.get(), after));
	}

	/** Values by indicator code, region and period (each optional), paged. */
	@Transactional(readOnly = true)
	public Page<IndicatorValue> values(String indicator, Long regionId, String period, PageRequest page) {
		IndicatorRepository.ValueFilter filter = filter(indicator, regionId, period);
		List<IndicatorRepository.ValueRow> rows = this.repository.values(filter, page.offset(), page.size());
		return new Page<>(views(rows), this.repository.count(filter), page.page(), page.size());
	}

	/**
	 * Every value of an indicator in a period (one per region), for pages and exports.
	 */
	@Transactional(readOnly = true)
	public List<IndicatorValue> all(String indicator, Long regionId, String period) {
		return views(this.repository.values(filter(indicator, regionId, period), 0, Integer.MAX_VALUE));
	}

	/** The periods an indicator has values for, latest first. */
	@Transactional(readOnly = true)
	public List<String> periods(String indicator) {
		return this.repository.periods(indicator(indicator).id());
	}

	/**
	 * Every region's target and actual on an indicator for exactly that period, by region
	 * id; regions without a value are absent. Two queries, however many regions there
	 * are. An unknown indicator code is 404, a malformed period 400.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Achievement> achievements(String indicatorCode, String period) {
		Indicator indicator = indicator(indicatorCode);
		Period parsed = Period.parse("period", period);
		Map<Long, Achievement> found = new HashMap<>();
		this.repository.achievements(indicator.id(), parsed.code())
			.forEach((achievement) -> found.put(achievement.regionId(), achievement));
		return found;
	}

	private IndicatorRepository.ValueFilter filter(String indicator, Long regionId, String period) {
		Long indicatorId = (indicator != null && !indicator.isBlank()) ? indicator(indicator).id() : null;
		String periodCode = (period != null && !period.isBlank()) ? Period.parse("period", period).code() : null;
		return new IndicatorRepository.ValueFilter(indicatorId, regionId, periodCode);
	}

	private IndicatorValue view(IndicatorRepository.ValueRow row) {
		return views(List.of(row)).get(0);
	}

	private List<IndicatorValue> views(List<IndicatorRepository.ValueRow> rows) {
		Set<Long> regions = rows.stream().map(IndicatorRepository.ValueRow::regionId).collect(Collectors.toSet());
		Map<Long, String> names = regions.isEmpty() ? Map.of() : this.organization.unitNames(regions);
		return rows.stream().map((row) -> view(row, names.get(row.regionId()))).toList();
	}

	static IndicatorValue view(IndicatorRepository.ValueRow row, String regionName) {
		BigDecimal growth = row.growth();
		boolean computed = false;
		if (growth == null && row.actual() != null && row.priorActual() != null && row.priorActual().signum() > 0) {
			growth = row.actual()
				.subtract(row.priorActual())
				.multiply(HUNDRED)
				.divide(row.priorActual(), 2, RoundingMode.HALF_UP);
			computed = true;
		}
		return new IndicatorValue(row.id(), row.code(), row.name(), row.unit(), row.regionId(), regionName,
				row.period(), tidy(row.target()), tidy(row.actual()), tidy(growth), computed, tidy(row.priorActual()),
				completion(row), row.enteredAt(), row.version());
	}

	/**
	 * Actual against target in percent, to two decimals; target against actual when lower
	 * is better.
	 */
	static BigDecimal completion(IndicatorRepository.ValueRow row) {
		if (row.target() == null || row.actual() == null) {
			return null;
		}
		BigDecimal numerator = row.higherIsBetter() ? row.actual() : row.target();
		BigDecimal denominator = row.higherIsBetter() ? row.target() : row.actual();
		if (denominator.signum() == 0) {
			return null;
		}
		return numerator.multiply(HUNDRED).divide(denominator, 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal either(BigDecimal given, BigDecimal stored) {
		return (given != null) ? given : stored;
	}

	/** A stored figure without the zeros its column adds (612.3000 → 612.3). */
	static BigDecimal tidy(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
