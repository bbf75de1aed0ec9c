package dev.luoshi.project;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What kind of project it is, with the words ledgers use for it. */
public enum ProjectCategory {

	INDUSTRY("产业", "产业项目", "工业", "制造业", "现代服务业"), INFRASTRUCTURE("基础设施", "基础设施项目", "交通", "市政"),
	URBAN_RENEWAL("城市更新", "城市更新项目", "棚户区改造", "旧城改造", "老旧小区改造"), LIVELIHOOD("民生", "民生项目", "社会事业", "教育", "医疗"),
	TOURISM("文旅", "文旅项目", "文化旅游", "旅游"), ECOLOGY("生态环保", "生态", "环保", "生态环境"), AGRICULTURE("农业农村", "农业", "乡村振兴"),
	OTHER("其他");

	private final List<String> names;

	ProjectCategory(String... names) {
		this.names = List.of(names);
	}

	/** The Chinese name, as pages and ledgers show it. */
	public String label() {
		return this.names.get(0);
	}

	/** A category by its constant or by any of its Chinese names. */
	public static Optional<ProjectCategory> parse(String text) {
		String value = text.strip();
		return Arrays.stream(values())
			.filter((category) -> category.name().equalsIgnoreCase(value) || category.names.contains(value))
			.findFirst();
	}

}
