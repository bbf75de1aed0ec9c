package dev.luoshi.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.indicator.Indicators;
import dev.luoshi.indicator.NewIndicator;
import dev.luoshi.indicator.ValueEntry;
import dev.luoshi.organization.Unit;
import dev.luoshi.shared.Period;

import org.springframework.stereotype.Component;

/**
 * The district's economic and livelihood indicators, of the size of a district of about
 * 500,000 people (GDP about 60 bn yuan a year): last year's actuals, this year's targets,
 * and this year's quarters Q1–Q3 and months to October that are over with target, actual
 * and growth, for the district and each street and town; then the enterprises of
 * {@link DemoEnterprises}. Each period's figure is that period's own, not the year to
 * date.
 */
@Component
class DemoIndicators {

	/** The streets and towns, with their share of the district's economy. */
	private static final Map<String, Double> SHARES = Map.of("LJ-JB", 0.30, "LJ-LC", 0.18, "LJ-XQ", 0.27, "LJ-QS", 0.13,
			"LJ-TY", 0.12);

	/** Their level against the district's on per-capita or per-output indicators. */
	private static final Map<String, Double> LEVELS = Map.of("LJ-JB", 1.12, "LJ-LC", 1.05, "LJ-XQ", 1.08, "LJ-QS", 0.86,
			"LJ-TY", 0.82);

	private static final List<String> STREETS = List.of("LJ-JB", "LJ-LC", "LJ-XQ", "LJ-QS", "LJ-TY");

	/**
	 * How a year falls on its months: slow around the Spring Festival, strong in
	 * December.
	 */
	private static final double[] MONTHS = { 0.06, 0.055, 0.08, 0.08, 0.085, 0.09, 0.085, 0.085, 0.09, 0.09, 0.09,
			0.11 };

	/**
	 * An indicator and how the demo fills it: its 2025 district total (or level when not
	 * additive), its 2026 target growth in percent, whether it is reported monthly, and
	 * the decimals of its values.
	 */
	private record Spec(String code, String name, String unit, boolean higherIsBetter, double base2025,
			double targetGrowth, boolean additive, boolean monthly, boolean seasonal, int scale) {

		/** Whether the values are ratios, the same for a quarter as for the year. */
		boolean ratio() {
			return this.unit.contains("/");
		}

	}

	private static final List<Spec> SPECS = List.of(
			new Spec("GDP", "地区生产总值", "亿元", true, 600, 6.0, true, false, true, 2),
			new Spec("IND-VA", "规模以上工业增加值", "亿元", true, 150, 7.0, true, true, true, 2),
			new Spec("FAI", "固定资产投资", "亿元", true, 300, 8.0, true, true, true, 2),
			new Spec("RETAIL", "社会消费品零售总额", "亿元", true, 260, 6.0, true, true, true, 2),
			new Spec("REVENUE", "一般公共预算收入", "亿元", true, 42, 5.0, true, true, true, 2),
			new Spec("INCOME", "居民人均可支配收入", "元", true, 52000, 6.0, false, false, false, 0),
			new Spec("JOBS", "城镇新增就业", "人", true, 8000, 3.0, true, false, false, 0),
			new Spec("ENERGY", "单位地区生产总值能耗", "吨标准煤/万元", false, 0.38, -3.0, false, false, false, 3));

	/** 2025, 2026, 2026Q1–Q3 and 2026-01 to 2026-10. */
	private static final int PERIODS = 15;

	private final Indicators indicators;

	private final DemoEnterprises enterprises;

	private final DemoUsers users;

	private final java.time.Clock clock;

	DemoIndicators(Indicators indicators, DemoEnterprises enterprises, DemoUsers users, java.time.Clock clock) {
		this.clock = clock;
		this.indicators = indicators;
		this.enterprises = enterprises;
		this.users = users;
	}

	void load(Map<String, Unit> units) {
		CurrentUser supervisor = this.users.user("supervisor");
		Random random = new Random(2026);
		DemoUsers.as(supervisor, () -> {
			for (Spec spec : SPECS) {
				this.indicators
					.define(new NewIndicator(spec.code(), spec.name(), spec.unit(), spec.higherIsBetter(), null));
				fill(spec, units, random);
			}
			this.enterprises.load(units);
			return null;
		});
	}

	/**
	 * 2025's actual, 2026's target, its quarters Q1–Q3 and (if monthly) months to
	 * October.
	 */
	private void fill(Spec spec, Map<String, Unit> units, Random random) {
		double[] districtTarget = new double[PERIODS];
		double[] districtActual = new double[PERIODS];
		double[] districtBase = new double[PERIODS];
		for (String street : STREETS) {
			double base = spec.additive() ? spec.base2025() * SHARES.get(street)
					: spec.base2025() * (spec.higherIsBetter() ? LEVELS.get(street) : 2 - LEVELS.get(street));
			double pace = spec.targetGrowth() + (random.nextDouble() * 7 - 4) * Math.signum(spec.targetGrowth());
			for (int p = 0; p < PERIODS; p++) {
				double share = share(spec, p);
				double periodGrowth = pace + random.nextDouble() * 3 - 1.5;
				double target = base * share * (1 + spec.targetGrowth() / 100);
				double actual = (p == 0) ? base : base * share * (1 + periodGrowth / 100);
				double lastYear = (p == 0) ? base / (1 + (pace - 1) / 100) : base * share;
				enter(spec, units.get(street).id(), p, target, actual, lastYear);
				districtTarget[p] += target;
				districtActual[p] += actual;
				districtBase[p] += lastYear;
			}
		}
		long district = units.get(DemoDistrict.ROOT).id();
		for (int p = 0; p < PERIODS; p++) {
			if (spec.additive()) {
				enter(spec, district, p, districtTarget[p], districtActual[p], districtBase[p]);
			}
			else {
				enter(spec, district, p, districtTarget[p] / STREETS.size(), districtActual[p] / STREETS.size(),
						districtBase[p] / STREETS.size());
			}
		}
	}

	/**
	 * Period {@code p}: 0 is 2025 (actual only), 1 is 2026 (target only), 2–4 are 2026's
	 * first three quarters, 5–14 the months January to October (monthly indicators only).
	 */
	private void enter(Spec spec, long region, int p, double target, double actual, double lastYear) {
		if (p >= 5 && !spec.monthly()) {
			return;
		}
		java.time.LocalDate today = java.time.LocalDate.now(this.clock);
		int year = today.getYear();
		String period = switch (p) {
			case 0 -> String.valueOf(year - 1);
			case 1 -> String.valueOf(year);
			case 2, 3, 4 -> year + "Q" + (p - 1);
			default -> String.format("%d-%02d", year, p - 4);
		};
		if (p >= 2 && !Period.parse("period", period).end().isBefore(today)) {
			// figures come in once a quarter or month is over
			return;
		}
		BigDecimal growth = BigDecimal.valueOf((actual - lastYear) * 100 / lastYear).setScale(1, RoundingMode.HALF_UP);
		this.indicators.enter(new ValueEntry(spec.code(), region, period, (p == 0) ? null : round(spec, target),
				(p == 1) ? null : round(spec, actual), (p == 1) ? null : growth, null));
	}

	/** The part of a year period {@code p} is. */
	private static double share(Spec spec, int p) {
		if (p <= 1 || spec.ratio()) {
			return 1;
		}
		if (p <= 4) {
			int quarter = p - 2;
			return spec.seasonal() ? MONTHS[quarter * 3] + MONTHS[quarter * 3 + 1] + MONTHS[quarter * 3 + 2] : 0.25;
		}
		return spec.seasonal() ? MONTHS[p - 5] : 1.0 / 12;
	}

	private static BigDecimal round(Spec spec, double value) {
		return BigDecimal.valueOf(value).setScale(spec.scale(), RoundingMode.HALF_UP);
	}

}
