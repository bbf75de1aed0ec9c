package dev.luoshi.work;

/** What kind of drive a campaign is. */
public enum Category {

	/** 攻坚行动. */
	CAMPAIGN,
	/** 专项行动. */
	SPECIAL_ACTION,
	/** 重点工作. */
	KEY_WORK

}
