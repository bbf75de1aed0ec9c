package dev.luoshi.project.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;

import org.springframework.stereotype.Component;

/**
 * Amounts as pages show them: the API speaks yuan, people read 万元 and 亿元. Used in
 * templates as {@code ${@money.wan(amount)}}.
 */
@Component("money")
class Money {

	public String wan(BigDecimal yuan) {
		return format(yuan, BigDecimal.valueOf(10_000), "#,##0.00");
	}

	public String yi(BigDecimal yuan) {
		return format(yuan, BigDecimal.valueOf(100_000_000), "#,##0.00");
	}

	public String rate(BigDecimal percent) {
		return (percent != null) ? new DecimalFormat("0.0").format(percent) + "%" : "—";
	}

	private static String format(BigDecimal yuan, BigDecimal unit, String pattern) {
		if (yuan == null) {
			return "—";
		}
		return new DecimalFormat(pattern).format(yuan.divide(unit, 2, RoundingMode.HALF_UP));
	}

}
