package dev.luoshi.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.luoshi.indicator.Enterprise;
import dev.luoshi.indicator.Enterprises;
import dev.luoshi.indicator.FigureEntry;
import dev.luoshi.indicator.NewEnterprise;
import dev.luoshi.organization.Unit;

import org.springframework.stereotype.Component;

/**
 * Fifty industrial enterprises, ten in each street and town, with their land and their
 * last year's figures: leaders, solid middles, laggards and a few that use much land for
 * little, so that the 亩均 table shows all four classes against the default benchmarks
 * (300,000 yuan tax and 5 m yuan output per 亩, 50,000 yuan output per tonne of standard
 * coal).
 */
@Component
class DemoEnterprises {

	private static final List<String> STREETS = List.of("LJ-JB", "LJ-LC", "LJ-XQ", "LJ-QS", "LJ-TY");

	private static final List<String> BRANDS = List.of("恒信", "华锐", "江源", "东方", "宏达", "瑞丰", "天成", "新立", "金桥", "汇通", "鼎盛",
			"聚力", "博远", "青峰", "桃园", "万和", "永固", "中科", "嘉禾", "昌盛");

	/** What the enterprise makes (in its name), and its industry (国民经济行业分类). */
	private static final List<String[]> TRADES = List.of(new String[] { "精密机械", "通用设备制造业" },
			new String[] { "汽车部件", "汽车制造业" }, new String[] { "电子科技", "计算机、通信和其他电子设备制造业" },
			new String[] { "生物医药", "医药制造业" }, new String[] { "新材料", "化学原料和化学制品制造业" }, new String[] { "纺织", "纺织业" },
			new String[] { "食品", "食品制造业" }, new String[] { "金属制品", "金属制品业" }, new String[] { "电气", "电气机械和器材制造业" },
			new String[] { "建材", "非金属矿物制品业" }, new String[] { "塑胶", "橡胶和塑料制品业" }, new String[] { "农产品加工", "农副食品加工业" },
			new String[] { "家居", "家具制造业" }, new String[] { "智能装备", "专用设备制造业" }, new String[] { "包装印务", "印刷和记录媒介复制业" });

	/**
	 * Ranges of tax and output per 亩 and output per tonne of coal by intended class: each
	 * range keeps the score within its class against the default settings.
	 */
	private static final double[][][] PROFILES = {
			{ { 255_000, 360_000 }, { 4_100_000, 6_000_000 }, { 44_000, 65_000 } },
			{ { 170_000, 210_000 }, { 2_800_000, 3_600_000 }, { 40_000, 50_000 } },
			{ { 100_000, 140_000 }, { 2_000_000, 2_600_000 }, { 30_000, 40_000 } },
			{ { 10_000, 60_000 }, { 300_000, 1_500_000 }, { 5_000, 20_000 } } };

	/** The intended class of each enterprise of a street, A=0 … D=3. */
	private static final int[] CLASSES = { 0, 1, 1, 2, 1, 2, 3, 0, 2, 1 };

	private static final String CHECK = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private final Enterprises enterprises;

	private final java.time.Clock clock;

	DemoEnterprises(Enterprises enterprises, java.time.Clock clock) {
		this.enterprises = enterprises;
		this.clock = clock;
	}

	void load(Map<String, Unit> units) {
		Random random = new Random(50);
		// last year's figures: a year's tax and output are counted once it is over
		int lastYear = java.time.LocalDate.now(this.clock).getYear() - 1;
		for (int i = 0; i < 50; i++) {
			String street = STREETS.get(i % STREETS.size());
			String[] trade = TRADES.get(i % TRADES.size());
			int intended = CLASSES[i / STREETS.size()];
			double[][] profile = PROFILES[intended];
			BigDecimal land = BigDecimal.valueOf(20 + random.nextInt(intended == 3 ? 260 : 160))
				.add(BigDecimal.valueOf(random.nextInt(10), 1));
			Enterprise enterprise = this.enterprises.register(new NewEnterprise(creditCode(i),
					"临江" + BRANDS.get(i % BRANDS.size()) + trade[0] + ((i % 4 == 0) ? "股份有限公司" : "有限公司"),
					units.get(street).id(), trade[1], land));
			double taxPerMu = between(random, profile[0]);
			double outputPerMu = between(random, profile[1]);
			double outputPerEnergy = between(random, profile[2]);
			BigDecimal output = yuan(outputPerMu * land.doubleValue());
			this.enterprises.recordFigures(enterprise.id(), lastYear,
					new FigureEntry(yuan(taxPerMu * land.doubleValue()), output,
							BigDecimal.valueOf(output.doubleValue() / outputPerEnergy)
								.setScale(1, RoundingMode.HALF_UP),
							yuan(output.doubleValue() * (0.005 + random.nextDouble() * 0.03)), null));
		}
	}

	private static double between(Random random, double[] range) {
		return range[0] + random.nextDouble() * (range[1] - range[0]);
	}

	private static BigDecimal yuan(double amount) {
		return BigDecimal.valueOf(amount).setScale(0, RoundingMode.HALF_UP).setScale(2);
	}

	/**
	 * A unified social credit code of the fictional district (91 enterprise, 420117 the
	 * division), with its check character as GB 32100 computes it.
	 */
	static String creditCode(int index) {
		String body = "91420117" + String.format("MA%07d", 4_000_000 + index * 7_919);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHECK.indexOf(body.charAt(i)) * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return body + CHECK.charAt(check);
	}

}
