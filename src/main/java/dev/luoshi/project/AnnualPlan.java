package dev.luoshi.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A year's planned investment in yuan, with the twelve monthly amounts that add up to it.
 * When the months are not given the amount is spread evenly to the fen, the remainder
 * falling in December. The first-quarter target (开门红) is January to March.
 */
public record AnnualPlan(@NotNull @Min(2000) @Max(2099) Integer year,
		@NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
		@Size(min = 12,
				max = 12) List<@NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal> monthly,
		BigDecimal firstQuarterTarget) {

	/** The months as given, or the amount spread over them. */
	public List<BigDecimal> months() {
		return (this.monthly != null) ? this.monthly : spread(this.amount);
	}

	/** Whether the given months add up to the amount exactly. */
	public boolean balanced() {
		return this.monthly == null
				|| this.monthly.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(this.amount) == 0;
	}

	/**
	 * The plan as stored and shown: money at scale 2, months filled, first quarter
	 * summed.
	 */
	public AnnualPlan complete() {
		List<BigDecimal> months = months().stream().map(AnnualPlan::money).toList();
		return new AnnualPlan(this.year, money(this.amount), months,
				months.get(0).add(months.get(1)).add(months.get(2)));
	}

	static List<BigDecimal> spread(BigDecimal amount) {
		BigDecimal each = amount.divide(BigDecimal.valueOf(12), 2, RoundingMode.DOWN);
		List<BigDecimal> months = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			months.add(each);
		}
		months.add(amount.subtract(each.multiply(BigDecimal.valueOf(11))));
		return months;
	}

	static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

}
