package dev.luoshi.shared;

/**
 * A cell as a ledger reads it: the text it shows (for a formula, its last computed
 * value), and its number when it holds one, with whether its format is a date's.
 */
record LedgerCell(String text, Double number, boolean dateFormatted) {

	static LedgerCell text(String text) {
		return new LedgerCell(text, null, false);
	}

}
