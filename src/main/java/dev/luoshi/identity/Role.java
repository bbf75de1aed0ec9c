package dev.luoshi.identity;

/** The roles an account can hold. */
public enum Role {

	/** 系统管理员: units, users, roles, calendar, settings. */
	ADMIN,
	/** 督查室 / 效能办: runs campaigns, supervision and rankings across the whole region. */
	SUPERVISOR,
	/** 领导: sees and directs what is in the portfolio (分管). */
	LEADER,
	/** 单位负责人: approves and signs for a unit. */
	UNIT_HEAD,
	/** 单位联络员: files a unit's reports and responses. */
	UNIT_OPERATOR,
	/** 观察员: reads what is published. */
	VIEWER,
	/**
	 * 审计员 (审计管理员 of 三员分立): reads, verifies and exports the audit trail and does nothing
	 * else; holds no other role.
	 */
	AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
