package dev.luoshi.supervision;

/**
 * The escalation ladder, mildest first: 提醒 reminder, 催办 urge, 督办 supervise (a formal
 * notice), 通报 public bulletin, 约谈 interview with the unit's head. Pages show them as
 * blue, orange and red cards.
 */
public enum NoticeLevel {

	REMINDER("提醒", "BLUE"), URGE("催办", "ORANGE"), SUPERVISE("督办", "RED"), BULLETIN("通报", "RED"), INTERVIEW("约谈", "RED");

	private final String prefix;

	private final String card;

	NoticeLevel(String prefix, String card) {
		this.prefix = prefix;
		this.card = card;
	}

	/** The word of the notice's number, e.g. 督办 in 督办〔2026〕12号. */
	public String prefix() {
		return this.prefix;
	}

	public String card() {
		return this.card;
	}

	/** A red card: what counts towards an interview. */
	public boolean red() {
		return this.card.equals("RED");
	}

}
