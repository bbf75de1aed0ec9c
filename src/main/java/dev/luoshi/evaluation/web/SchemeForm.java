package dev.luoshi.evaluation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.luoshi.evaluation.IndicatorKind;
import dev.luoshi.evaluation.NewScheme;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.supervision.NoticeLevel;

/**
 * The scheme editor's form as typed: indicator rows may be blank (the form carries a few
 * spare rows for browsers without scripts) and are left out of the scheme; the rule of a
 * row is built from the fields its kind uses.
 */
class SchemeForm {

	/** Spare rows the form offers below the scheme's indicators. */
	static final int SPARE_ROWS = 3;

	private Integer version;

	private String code;

	private String name;

	private Integer year;

	private List<String> peerGroups = new ArrayList<>();

	private List<IndicatorRow> indicators = new ArrayList<>();

	private BigDecimal bonusCap;

	private BigDecimal penaltyCap;

	private BigDecimal excellentQuota;

	private BigDecimal goodFloor;

	private BigDecimal fairFloor;

	private boolean publicBoard;

	/** A new scheme with the service's defaults filled in. */
	static SchemeForm blank(int year) {
		SchemeForm form = new SchemeForm();
		form.year = year;
		form.bonusCap = BigDecimal.valueOf(5);
		form.penaltyCap = BigDecimal.TEN;
		form.excellentQuota = new BigDecimal("0.30");
		form.goodFloor = BigDecimal.valueOf(80);
		form.fairFloor = BigDecimal.valueOf(60);
		return form.withSpareRows();
	}

	static SchemeForm of(Scheme scheme) {
		SchemeForm form = new SchemeForm();
		form.version = scheme.version();
		form.code = scheme.code();
		form.name = scheme.name();
		form.year = scheme.year();
		form.peerGroups = new ArrayList<>(scheme.peerGroups());
		scheme.indicators().forEach((indicator) -> form.indicators.add(IndicatorRow.of(indicator)));
		form.bonusCap = plain(scheme.bonusCap());
		form.penaltyCap = plain(scheme.penaltyCap());
		form.excellentQuota = plain(scheme.excellentQuota());
		form.goodFloor = plain(scheme.goodFloor());
		form.fairFloor = plain(scheme.fairFloor());
		form.publicBoard = scheme.publicBoard();
		return form.withSpareRows();
	}

	/** Drops the gaps a script's removals leave and adds blank rows up to the spares. */
	SchemeForm withSpareRows() {
		this.indicators.removeIf((row) -> row == null);
		long blank = this.indicators.stream().filter(IndicatorRow::isBlank).count();
		for (long i = blank; i < SPARE_ROWS; i++) {
			this.indicators.add(new IndicatorRow());
		}
		return this;
	}

	/** The rows that are filled in, in order: the scheme's indicators. */
	List<IndicatorRow> filledRows() {
		return this.indicators.stream().filter((row) -> row != null && !row.isBlank()).toList();
	}

	NewScheme command() {
		List<NewScheme.NewIndicator> indicators = filledRows().stream().map(IndicatorRow::indicator).toList();
		return new NewScheme(this.code, this.name, this.year, this.peerGroups, indicators, this.bonusCap,
				this.penaltyCap, this.excellentQuota, this.goodFloor, this.fairFloor, this.publicBoard, this.version);
	}

	private static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getYear() {
		return this.year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public List<String> getPeerGroups() {
		return this.peerGroups;
	}

	public void setPeerGroups(List<String> peerGroups) {
		this.peerGroups = (peerGroups != null) ? peerGroups : new ArrayList<>();
	}

	public List<IndicatorRow> getIndicators() {
		return this.indicators;
	}

	public void setIndicators(List<IndicatorRow> indicators) {
		this.indicators = (indicators != null) ? indicators : new ArrayList<>();
	}

	public BigDecimal getBonusCap() {
		return this.bonusCap;
	}

	public void setBonusCap(BigDecimal bonusCap) {
		this.bonusCap = bonusCap;
	}

	public BigDecimal getPenaltyCap() {
		return this.penaltyCap;
	}

	public void setPenaltyCap(BigDecimal penaltyCap) {
		this.penaltyCap = penaltyCap;
	}

	public BigDecimal getExcellentQuota() {
		return this.excellentQuota;
	}

	public void setExcellentQuota(BigDecimal excellentQuota) {
		this.excellentQuota = excellentQuota;
	}

	public BigDecimal getGoodFloor() {
		return this.goodFloor;
	}

	public void setGoodFloor(BigDecimal goodFloor) {
		this.goodFloor = goodFloor;
	}

	public BigDecimal getFairFloor() {
		return this.fairFloor;
	}

	public void setFairFloor(BigDecimal fairFloor) {
		this.fairFloor = fairFloor;
	}

	public boolean isPublicBoard() {
		return this.publicBoard;
	}

	public void setPublicBoard(boolean publicBoard) {
		this.publicBoard = publicBoard;
	}

	/**
	 * One indicator row: its rule is the target indicator's code for ECONOMIC_TARGET and
	 * the points per notice level for SUPERVISION_DEDUCTION.
	 */
	public static class IndicatorRow {

		private String code;

		private String name;

		private IndicatorKind kind;

		private BigDecimal weight;

		private String target;

		private Map<String, BigDecimal> deduction = new LinkedHashMap<>();

		static IndicatorRow of(Scheme.Indicator indicator) {
			IndicatorRow row = new IndicatorRow();
			row.code = indicator.code();
			row.name = indicator.name();
			row.kind = indicator.kind();
			row.weight = indicator.weight();
			if (indicator.rule().get("indicator") instanceof String target) {
				row.target = target;
			}
			if (indicator.kind() == IndicatorKind.SUPERVISION_DEDUCTION) {
				indicator.rule().forEach((level, points) -> {
					if (points instanceof Number number) {
						row.deduction.put(level, plain(new BigDecimal(number.toString())));
					}
				});
			}
			return row;
		}

		/** Nothing typed: a spare row, left out. */
		boolean isBlank() {
			return blank(this.code) && blank(this.name) && this.weight == null && blank(this.target)
					&& this.deduction.values().stream().allMatch((points) -> points == null);
		}

		NewScheme.NewIndicator indicator() {
			Map<String, Object> rule = new LinkedHashMap<>();
			if (this.kind == IndicatorKind.ECONOMIC_TARGET && !blank(this.target)) {
				rule.put("indicator", this.target.strip());
			}
			if (this.kind == IndicatorKind.SUPERVISION_DEDUCTION) {
				for (NoticeLevel level : NoticeLevel.values()) {
					BigDecimal points = this.deduction.get(level.name());
					if (points != null) {
						rule.put(level.name(), points);
					}
				}
			}
			return new NewScheme.NewIndicator(this.code, this.name, this.kind, this.weight, rule);
		}

		private static boolean blank(String text) {
			return text == null || text.isBlank();
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public IndicatorKind getKind() {
			return this.kind;
		}

		public void setKind(IndicatorKind kind) {
			this.kind = kind;
		}

		public BigDecimal getWeight() {
			return this.weight;
		}

		public void setWeight(BigDecimal weight) {
			this.weight = weight;
		}

		public String getTarget() {
			return this.target;
		}

		public void setTarget(String target) {
			this.target = target;
		}

		public Map<String, BigDecimal> getDeduction() {
			return this.deduction;
		}

		public void setDeduction(Map<String, BigDecimal> deduction) {
			this.deduction = (deduction != null) ? deduction : new LinkedHashMap<>();
		}

	}

}
