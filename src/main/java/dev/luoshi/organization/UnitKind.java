package dev.luoshi.organization;

/** What kind of unit a node of the tree is. */
public enum UnitKind {

	/** 区域: a city, district or county as a whole. */
	REGION,
	/** 部门: a department of the government or the party committee. */
	DEPARTMENT,
	/** 街道. */
	STREET,
	/** 乡镇. */
	TOWN,
	/** 村. */
	VILLAGE,
	/** 社区. */
	COMMUNITY, OTHER

}
