package dev.luoshi.indicator.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;

import org.springframework.stereotype.Component;

/**
 * Indicator values as pages show them: thousands separated, with the decimals they were
 * entered with (13,449 元, 164.68 亿元, 0.375 吨标准煤/万元). Used in templates as
 * {@code ${@figures.format(value)}}.
 */
@Component("figures")
class Figures {

	public String format(BigDecimal value) {
		return (value != null) ? new DecimalFormat("#,##0.####").format(value) : "—";
	}

}
