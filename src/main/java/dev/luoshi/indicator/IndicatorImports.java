package dev.luoshi.indicator;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.luoshi.identity.DataScopes;
import dev.luoshi.shared.Period;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.Unit;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.LedgerSheet;
import dev.luoshi.shared.LedgerWorkbook;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicator ledgers in and out of Excel. An import is all or nothing: every row is
 * checked first (indicator, region, period, figures, the caller's data scope,
 * duplicates), and a refused ledger names each wrong cell by its row number and column
 * heading.
 */
@Service
@Transactional
public class IndicatorImports {

	private static final BigDecimal LIMIT = new BigDecimal("1e16");

	private final Indicators indicators;

	private final IndicatorRepository repository;

	private final Organization organization;

	private final DataScopes scopes;

	IndicatorImports(Indicators indicators, IndicatorRepository repository, Organization organization,
			DataScopes scopes) {
		this.indicators = indicators;
		this.repository = repository;
		this.organization = organization;
		this.scopes = scopes;
	}

	/** A checked row, ready to store. */
	private record Checked(Indicator indicator, long regionId, Period period, ValueEntry entry) {
	}

	public ImportResult importValues(InputStream input) {
		LedgerSheet.Parsed<IndicatorLedger.Column> ledger = LedgerSheet.read(input, IndicatorLedger.Column.class,
				IndicatorLedger.Column.PERIOD, 3);
		if (!ledger.columns().containsKey(IndicatorLedger.Column.REGION)
				|| (!ledger.columns().containsKey(IndicatorLedger.Column.CODE)
						&& !ledger.columns().containsKey(IndicatorLedger.Column.NAME))) {
			throw DomainException.invalid("file", "indicator-ledger-header",
					"No header row with 指标编码 or 指标, 地区 and 期间 among the first rows");
		}
		Access access = Access.of(this.scopes);
		Map<String, Indicator> byCode = new HashMap<>();
		Map<String, List<Indicator>> byName = new HashMap<>();
		for (Indicator indicator : this.repository.all()) {
			byCode.put(indicator.code(), indicator);
			byName.computeIfAbsent(indicator.name(), (name) -> new ArrayList<>()).add(indicator);
		}
		Map<String, Long> unitsByCode = new HashMap<>();
		Map<String, List<Long>> unitsByName = new HashMap<>();
		for (Unit unit : this.organization.allUnits()) {
			unitsByCode.put(unit.code(), unit.id());
			unitsByName.computeIfAbsent(unit.name(), (name) -> new ArrayList<>()).add(unit.id());
		}
		List<DomainException.RowError> errors = new ArrayList<>();
		List<Checked> rows = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (LedgerSheet.Line<IndicatorLedger.Column> line : ledger.lines()) {
			Rows checker = new Rows(line, errors);
			Optional<Indicator> indicator = checker.indicator(byCode, byName);
			Optional<Long> region = checker.region(unitsByCode, unitsByName, access);
			Optional<Period> period = checker.period();
			BigDecimal target = checker.number(IndicatorLedger.Column.TARGET);
			BigDecimal actual = checker.number(IndicatorLedger.Column.ACTUAL);
			BigDecimal growth = checker.number(IndicatorLedger.Column.GROWTH);
			if (target == null && actual == null && growth == null && !checker.failed()) {
				checker.error(IndicatorLedger.Column.ACTUAL, "没有目标值、实际值或同比增长");
			}
			if (indicator.isPresent() && region.isPresent() && period.isPresent()) {
				Integer first = seen.putIfAbsent(indicator.get().code() + "|" + region.get() + "|" + period.get(),
						line.row());
				if (first != null) {
					checker.error(IndicatorLedger.Column.PERIOD, "与第 " + first + " 行的指标、地区和期间重复");
				}
			}
			if (!checker.failed()) {
				rows.add(new Checked(indicator.get(), region.get(), period.get(), new ValueEntry(indicator.get().code(),
						region.get(), period.get().code(), target, actual, growth, null)));
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalidRows("ledger-rows",
					errors.size() + " errors in the ledger; nothing was imported", errors);
		}
		for (Checked row : rows) {
			this.indicators.store(row.indicator(), row.regionId(), row.period(), row.entry(), access);
		}
		return new ImportResult(rows.size(), List.of());
	}

	/** The values of an indicator, region and period (each optional) as a ledger. */
	@Transactional(readOnly = true)
	public byte[] export(String indicator, Long regionId, String period) {
		List<IndicatorValue> values = this.indicators.all(indicator, regionId, period);
		return LedgerWorkbook.write("指标", "经济社会发展指标", IndicatorLedger.HEADINGS, (sheet) -> {
			sheet.widths(14, 24, 10, 16, 10, 14, 14, 12);
			for (IndicatorValue value : values) {
				var row = sheet.row();
				sheet.text(row, 0, value.indicator());
				sheet.text(row, 1, value.indicatorName());
				sheet.text(row, 2, value.unit());
				sheet.text(row, 3, value.regionName());
				sheet.text(row, 4, value.period());
				sheet.number(row, 5, value.target());
				sheet.number(row, 6, value.actual());
				sheet.number(row, 7, value.growth());
			}
		});
	}

	/** An empty ledger with the columns an import reads. */
	public byte[] template() {
		return LedgerWorkbook.write("指标", "经济社会发展指标填报模板（期间写作 2026、2026Q1 或 2026-01）", IndicatorLedger.HEADINGS,
				(sheet) -> sheet.widths(14, 24, 10, 16, 10, 14, 14, 12));
	}

	/** Checks the cells of one row, collecting what is wrong. */
	private static final class Rows {

		private final LedgerSheet.Line<IndicatorLedger.Column> line;

		private final List<DomainException.RowError> errors;

		private final int before;

		Rows(LedgerSheet.Line<IndicatorLedger.Column> line, List<DomainException.RowError> errors) {
			this.line = line;
			this.errors = errors;
			this.before = errors.size();
		}

		boolean failed() {
			return this.errors.size() > this.before;
		}

		void error(IndicatorLedger.Column column, String message) {
			this.errors.add(new DomainException.RowError(this.line.row(), column.heading(), message));
		}

		Optional<Indicator> indicator(Map<String, Indicator> byCode, Map<String, List<Indicator>> byName) {
			String code = this.line.text(IndicatorLedger.Column.CODE);
			if (!code.isEmpty()) {
				Indicator found = byCode.get(code);
				if (found == null) {
					error(IndicatorLedger.Column.CODE, "指标编码“" + code + "”不存在");
				}
				return Optional.ofNullable(found);
			}
			String name = this.line.text(IndicatorLedger.Column.NAME);
			List<Indicator> found = byName.getOrDefault(name, List.of());
			if (found.size() != 1) {
				error(IndicatorLedger.Column.NAME, name.isEmpty() ? "没有填写指标编码或指标"
						: found.isEmpty() ? "指标“" + name + "”不存在" : "指标“" + name + "”不唯一，请填写指标编码");
				return Optional.empty();
			}
			return Optional.of(found.get(0));
		}

		Optional<Long> region(Map<String, Long> byCode, Map<String, List<Long>> byName, Access access) {
			String text = this.line.text(IndicatorLedger.Column.REGION);
			Long found = byCode.get(text);
			if (found == null) {
				List<Long> named = byName.getOrDefault(text, List.of());
				if (named.size() != 1) {
					error(IndicatorLedger.Column.REGION, text.isEmpty() ? "没有填写地区"
							: named.isEmpty() ? "地区“" + text + "”不存在" : "地区“" + text + "”不唯一，请填写单位编码");
					return Optional.empty();
				}
				found = named.get(0);
			}
			if (!access.mayWrite(found)) {
				error(IndicatorLedger.Column.REGION, "无权填报地区“" + text + "”的指标（不在本单位数据范围内）");
				return Optional.empty();
			}
			return Optional.of(found);
		}

		Optional<Period> period() {
			String text = this.line.text(IndicatorLedger.Column.PERIOD);
			Optional<String> code = IndicatorLedger.period(text);
			if (code.isEmpty()) {
				error(IndicatorLedger.Column.PERIOD, "期间“" + text + "”应写作 2026、2026Q1 或 2026-01");
				return Optional.empty();
			}
			try {
				return Optional.of(Period.parse("period", code.get()));
			}
			catch (DomainException.Invalid ex) {
				error(IndicatorLedger.Column.PERIOD, "期间“" + text + "”应写作 2026、2026Q1 或 2026-01");
				return Optional.empty();
			}
		}

		/**
		 * A figure, rounded to four decimals; a percent sign is allowed; blank is null.
		 */
		BigDecimal number(IndicatorLedger.Column column) {
			String text = this.line.text(column);
			if (text.isEmpty()) {
				return null;
			}
			String plain = text.replace(",", "").replace("，", "").replace("%", "").replace("％", "").strip();
			Optional<BigDecimal> value = text.contains("%") || text.contains("％")
					? Optional.of(plain).filter((s) -> s.matches("-?\\d+(\\.\\d+)?")).map(BigDecimal::new)
					: this.line.number(column);
			if (value.isEmpty() || value.get().abs().compareTo(LIMIT) >= 0) {
				error(column, column.heading() + "“" + text + "”不是数值");
				return null;
			}
			return value.get().setScale(Math.min(4, Math.max(0, value.get().scale())), RoundingMode.HALF_UP);
		}

	}

}
