package dev.luoshi.shared;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerDatesTests {

	private static final LocalDate END = LocalDate.of(2027, 12, 31);

	@ParameterizedTest
	@CsvSource({ "2026-09-30, 2026-09-30", "2026/9/30, 2026-09-30", "2026.9.3, 2026-09-03", "2026年9月30日, 2026-09-30",
			"2026年9月30日前, 2026-09-30", "9月30日前, 2026-09-30", "6月底前, 2026-06-30", "6月底, 2026-06-30", "2月底前, 2026-02-28",
			"2026年11月, 2026-11-30", "三季度末, 2026-09-30", "第一季度, 2026-03-31", "4季度, 2026-12-31", "上半年, 2026-06-30",
			"全年, 2026-12-31", "2028年底, 2028-12-31", "2027年, 2027-12-31", "年底前, 2026-12-31", "下半年, 2026-12-31",
			"长期坚持, 2027-12-31", "持续推进, 2027-12-31" })
	void ledgersWriteDeadlinesInManyWays(String text, LocalDate expected) {
		assertThat(LedgerDates.parse(text, 2026, END)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource({ "尽快", "2026-13-01", "2026年2月30日", "13月底", "xx" })
	void whatIsNoDateIsRefused(String text) {
		assertThat(LedgerDates.parse(text, 2026, END)).isEmpty();
	}

}
