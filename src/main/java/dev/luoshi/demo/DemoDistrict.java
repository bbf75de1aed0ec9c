package dev.luoshi.demo;

import java.util.List;

/**
 * The fictional 临江区 (Linjiang District) as data: its units, leaders with their
 * portfolios, unit heads and liaisons. Codes are stable so that later demo data can refer
 * to them.
 */
final class DemoDistrict {

	private DemoDistrict() {
	}

	static final String ROOT = "LJ";

	/**
	 * code, name, kind, parent code, peer group, head's name and title, liaison's name.
	 */
	record UnitSpec(String code, String name, String kind, String parent, String peerGroup, String head,
			String headTitle, String liaison) {
	}

	/** A district leader seated at the root, with the unit codes of the portfolio. */
	record LeaderSpec(String name, String title, List<String> portfolio) {
	}

	static final List<UnitSpec> UNITS = List.of(new UnitSpec(ROOT, "临江区", "REGION", null, null, null, null, null),
			new UnitSpec("LJ-QWB", "区委办公室", "DEPARTMENT", ROOT, "DEPARTMENTS", "何文涛", "主任", "林小雨"),
			new UnitSpec("LJ-ZFB", "区政府办公室", "DEPARTMENT", ROOT, "DEPARTMENTS", "韩东", "主任", "宋佳"),
			new UnitSpec("LJ-DCS", "区督查室（区效能办）", "DEPARTMENT", ROOT, null, "高志远", "主任", "许静"),
			new UnitSpec("LJ-FGJ", "区发展和改革局", "DEPARTMENT", ROOT, "DEPARTMENTS", "冯建军", "局长", "蒋丽"),
			new UnitSpec("LJ-CZJ", "区财政局", "DEPARTMENT", ROOT, "DEPARTMENTS", "曹立新", "局长", "彭悦"),
			new UnitSpec("LJ-ZJJ", "区住房和城乡建设局", "DEPARTMENT", ROOT, "DEPARTMENTS", "邓国强", "局长", "萧敏"),
			new UnitSpec("LJ-ZRZY", "区自然资源局", "DEPARTMENT", ROOT, "DEPARTMENTS", "田永红", "局长", "董洁"),
			new UnitSpec("LJ-SWJ", "区商务局", "DEPARTMENT", ROOT, "DEPARTMENTS", "袁斌", "局长", "潘婷"),
			new UnitSpec("LJ-WLJ", "区文化和旅游局", "DEPARTMENT", ROOT, "DEPARTMENTS", "唐慧", "局长", "魏晨"),
			new UnitSpec("LJ-NYJ", "区农业农村局", "DEPARTMENT", ROOT, "DEPARTMENTS", "蔡德明", "局长", "余芳"),
			new UnitSpec("LJ-CGJ", "区城市管理局", "DEPARTMENT", ROOT, "DEPARTMENTS", "杜勇", "局长", "叶青"),
			new UnitSpec("LJ-GXJ", "区工业和信息化局", "DEPARTMENT", ROOT, "DEPARTMENTS", "程浩", "局长", "吕璐"),
			new UnitSpec("LJ-JTJ", "区交通运输局", "DEPARTMENT", ROOT, "DEPARTMENTS", "苏俊", "局长", "丁雪"),
			new UnitSpec("LJ-STHJ", "区生态环境分局", "DEPARTMENT", ROOT, "DEPARTMENTS", "任志强", "局长", "姚琳"),
			new UnitSpec("LJ-YJJ", "区应急管理局", "DEPARTMENT", ROOT, "DEPARTMENTS", "卢刚", "局长", "姜薇"),
			new UnitSpec("LJ-TJJ", "区统计局", "DEPARTMENT", ROOT, "DEPARTMENTS", "钟华", "局长", "谭颖"),
			new UnitSpec("LJ-JB", "江滨街道", "STREET", ROOT, "STREETS", "汪海波", "党工委书记", "范琪"),
			new UnitSpec("LJ-LC", "老城街道", "STREET", ROOT, "STREETS", "方振宇", "党工委书记", "石磊"),
			new UnitSpec("LJ-XQ", "新区街道", "STREET", ROOT, "STREETS", "熊伟", "党工委书记", "金鑫"),
			new UnitSpec("LJ-QS", "青山镇", "TOWN", ROOT, "STREETS", "邱建平", "党委书记", "贾梦"),
			new UnitSpec("LJ-TY", "桃源镇", "TOWN", ROOT, "STREETS", "侯立军", "党委书记", "夏雯"),
			new UnitSpec("LJ-JB-WJ", "望江社区", "COMMUNITY", "LJ-JB", "COMMUNITIES", "黎红梅", "社区书记", null),
			new UnitSpec("LJ-JB-BH", "滨河社区", "COMMUNITY", "LJ-JB", "COMMUNITIES", "谢永", "社区书记", null),
			new UnitSpec("LJ-LC-DM", "东门社区", "COMMUNITY", "LJ-LC", "COMMUNITIES", "邹丽", "社区书记", null),
			new UnitSpec("LJ-LC-WM", "文庙社区", "COMMUNITY", "LJ-LC", "COMMUNITIES", "喻成", "社区书记", null),
			new UnitSpec("LJ-XQ-JX", "锦绣社区", "COMMUNITY", "LJ-XQ", "COMMUNITIES", "秦露", "社区书记", null),
			new UnitSpec("LJ-QS-QS", "青山村", "VILLAGE", "LJ-QS", "VILLAGES", "阎福生", "村党支部书记", null),
			new UnitSpec("LJ-QS-LW", "柳湾村", "VILLAGE", "LJ-QS", "VILLAGES", "薛长林", "村党支部书记", null),
			new UnitSpec("LJ-TY-TY", "桃源村", "VILLAGE", "LJ-TY", "VILLAGES", "雷春生", "村党支部书记", null),
			new UnitSpec("LJ-TY-SQ", "石桥村", "VILLAGE", "LJ-TY", "VILLAGES", "郝秀兰", "村党支部书记", null));

	static final List<LeaderSpec> LEADERS = List.of(new LeaderSpec("陈立群", "区委书记", List.of()),
			new LeaderSpec("王建国", "区委副书记、区长", List.of("LJ-ZFB")),
			new LeaderSpec("刘振华", "区委常委、常务副区长", List.of("LJ-FGJ", "LJ-CZJ", "LJ-TJJ")),
			new LeaderSpec("周明", "副区长", List.of("LJ-WLJ", "LJ-SWJ")),
			new LeaderSpec("孙海燕", "副区长", List.of("LJ-ZJJ", "LJ-ZRZY", "LJ-CGJ", "LJ-JTJ")),
			new LeaderSpec("赵志刚", "副区长", List.of("LJ-NYJ", "LJ-STHJ", "LJ-YJJ", "LJ-QS", "LJ-TY")),
			new LeaderSpec("郑晓东", "副区长", List.of("LJ-GXJ", "LJ-JB", "LJ-LC", "LJ-XQ")),
			new LeaderSpec("李文斌", "区委常委、区委办主任", List.of("LJ-QWB", "LJ-DCS")));

	/**
	 * username, roles, and whose person it is: a leader's name or a unit code with HEAD /
	 * LIAISON.
	 */
	record AccountSpec(String username, List<String> roles, String leader, String unitCode, boolean head) {
	}

	static final List<AccountSpec> ACCOUNTS = List.of(
			new AccountSpec("supervisor", List.of("SUPERVISOR"), null, "LJ-DCS", true),
			new AccountSpec("leader", List.of("LEADER"), "周明", null, false),
			new AccountSpec("head.wenlv", List.of("UNIT_HEAD"), null, "LJ-WLJ", true),
			new AccountSpec("operator.wenlv", List.of("UNIT_OPERATOR"), null, "LJ-WLJ", false),
			new AccountSpec("operator.jiangbin", List.of("UNIT_OPERATOR"), null, "LJ-JB", false),
			new AccountSpec("observer", List.of("VIEWER"), null, ROOT, false),
			new AccountSpec("auditor", List.of("AUDITOR"), null, ROOT, false));

}
