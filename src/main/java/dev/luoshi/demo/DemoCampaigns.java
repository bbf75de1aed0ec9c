package dev.luoshi.demo;

import java.util.List;

/**
 * The six campaigns (攻坚行动) of the demo district as data: each with its lead leader and
 * lead unit, and a task book of sections and tasks with their lead units and targets. A
 * task line reads {@code title|lead unit code|indicator|value|unit}.
 */
final class DemoCampaigns {

	private DemoCampaigns() {
	}

	record CampaignSpec(String code, String name, String leader, String leadUnit, List<String> taskForce,
			List<SectionSpec> sections) {
	}

	record SectionSpec(String title, String leadUnit, List<String> tasks) {
	}

	static final List<CampaignSpec> CAMPAIGNS = List.of(
			new CampaignSpec("GJ-CY", "产业提升攻坚行动", "刘振华", "LJ-FGJ", List.of("supervisor"), List.of(
					new SectionSpec("壮大先进制造业集群", "LJ-GXJ",
							List.of("新增规模以上工业企业|LJ-GXJ|新增规上企业|12|家", "实施技术改造项目|LJ-GXJ|技改项目|20|个",
									"培育专精特新中小企业|LJ-GXJ|专精特新企业|8|家", "推进工业园区标准厂房建设|LJ-FGJ|标准厂房面积|15|万平方米")),
					new SectionSpec("加快服务业提质增效", "LJ-SWJ",
							List.of("打造特色商业街区|LJ-SWJ|特色街区|2|条", "培育限上商贸企业|LJ-SWJ|新增限上企业|25|家",
									"发展楼宇经济|LJ-FGJ|税收亿元楼宇|3|栋")),
					new SectionSpec("强化要素保障", "LJ-FGJ",
							List.of("设立产业引导基金|LJ-CZJ|基金规模|5|亿元", "开展入企服务专项行动|LJ-FGJ|走访企业|300|家",
									"完善工业统计入库机制|LJ-TJJ|入库纳统企业|30|家")))),
			new CampaignSpec("GJ-CS", "城市建设管理攻坚行动", "孙海燕", "LJ-ZJJ", List.of("supervisor"), List.of(
					new SectionSpec("完善城市基础设施", "LJ-ZJJ",
							List.of("改造雨污分流管网|LJ-ZJJ|改造管网|35|公里", "打通断头路|LJ-JTJ|断头路|6|条", "新建公共停车泊位|LJ-JTJ|新增泊位|2000|个",
									"建设口袋公园|LJ-CGJ|口袋公园|10|个")),
					new SectionSpec("提升城市精细化管理", "LJ-CGJ",
							List.of("整治背街小巷|LJ-CGJ|背街小巷|40|条", "推进垃圾分类示范小区建设|LJ-CGJ|示范小区|30|个",
									"拆除违法建设|LJ-CGJ|拆违面积|5|万平方米", "江滨路沿线立面改造|LJ-JB|改造立面|1.2|万平方米")),
					new SectionSpec("老旧小区改造", "LJ-ZJJ",
							List.of("完成老旧小区改造|LJ-ZJJ|改造小区|28|个", "加装电梯|LJ-ZJJ|加装电梯|60|部",
									"东门片区综合整治|LJ-LC|整治面积|0.8|平方公里")))),
			new CampaignSpec("GJ-ZQ", "项目安征迁攻坚行动", "郑晓东", "LJ-ZRZY", List.of("supervisor"), List.of(
					new SectionSpec("重点项目征收清零", "LJ-ZRZY",
							List.of("滨江新城片区房屋征收|LJ-XQ|征收户数|420|户", "城东快速路沿线征迁|LJ-LC|征迁户数|180|户",
									"产业园二期土地收储|LJ-ZRZY|收储土地|800|亩")),
					new SectionSpec("安置房建设交付", "LJ-ZJJ",
							List.of("锦绣家园安置房主体封顶|LJ-ZJJ|封顶栋数|12|栋", "望江苑安置房交付|LJ-ZJJ|交付套数|960|套",
									"安置房分配方案公示|LJ-XQ|公示批次|2|批")),
					new SectionSpec("征迁群众权益保障", "LJ-ZRZY",
							List.of("征迁补偿资金足额拨付|LJ-CZJ|拨付率|100|%", "过渡费按时发放|LJ-XQ|发放率|100|%")))),
			new CampaignSpec("GJ-PG", "棚户区改造攻坚行动", "孙海燕", "LJ-ZJJ", List.of("supervisor"), List.of(
					new SectionSpec("棚改项目开工", "LJ-ZJJ",
							List.of("老城北棚改项目开工|LJ-LC|开工套数|650|套", "江滨西棚改项目开工|LJ-JB|开工套数|520|套",
									"棚改项目手续办理|LJ-ZRZY|办结手续|8|项")),
					new SectionSpec("棚改资金筹措", "LJ-CZJ",
							List.of("争取中央补助资金|LJ-CZJ|补助资金|1.8|亿元", "发行棚改专项债|LJ-CZJ|专项债|6|亿元")),
					new SectionSpec("棚改配套建设", "LJ-ZJJ",
							List.of("配套学校建设|LJ-ZJJ|学位|1800|个", "配套道路管网建设|LJ-JTJ|道路|4.5|公里")))),
			new CampaignSpec("GJ-LY", "旅游突破攻坚行动", "周明", "LJ-WLJ", List.of("supervisor", "operator.wenlv"), List.of(
					new SectionSpec("景区提档升级", "LJ-WLJ",
							List.of("青山景区创建国家4A级景区|LJ-QS|创建进度|100|%", "桃源古村保护利用|LJ-TY|修缮民居|45|栋",
									"江滨夜游项目开放|LJ-WLJ|游船航线|1|条", "智慧旅游平台上线|LJ-WLJ|接入景区|8|个")),
					new SectionSpec("文旅消费提振", "LJ-SWJ",
							List.of("举办文旅节会活动|LJ-WLJ|节会活动|12|场", "培育夜间消费集聚区|LJ-SWJ|集聚区|3|个",
									"发放文旅消费券|LJ-SWJ|消费券|500|万元")),
					new SectionSpec("旅游配套完善", "LJ-JTJ",
							List.of("建设旅游公路|LJ-JTJ|旅游公路|22|公里", "新增民宿床位|LJ-TY|床位|600|张", "建设游客服务中心|LJ-QS|服务中心|2|个")))),
			new CampaignSpec("GJ-CJ", "村级集体经济增收攻坚行动", "赵志刚", "LJ-NYJ", List.of("supervisor"), List.of(
					new SectionSpec("消除薄弱村", "LJ-NYJ",
							List.of("青山村集体经营性收入达标|LJ-QS|经营性收入|30|万元", "柳湾村集体经营性收入达标|LJ-QS|经营性收入|25|万元",
									"石桥村集体经营性收入达标|LJ-TY|经营性收入|25|万元")),
					new SectionSpec("发展特色产业", "LJ-NYJ",
							List.of("建设高标准农田|LJ-NYJ|高标准农田|1.2|万亩", "培育村级合作社|LJ-NYJ|合作社|10|家",
									"桃源村乡村旅游合作社运营|LJ-TY|接待游客|5|万人次")),
					new SectionSpec("盘活集体资产", "LJ-NYJ", List.of("清理农村集体资产|LJ-NYJ|清查村数|4|个", "闲置农房盘活利用|LJ-QS|盘活农房|80|栋",
							"村级扶持资金拨付|LJ-CZJ|扶持资金|800|万元")))));

}
