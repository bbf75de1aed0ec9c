package dev.luoshi.project;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a project stands, in order: 前期 preparation, 征迁 land clearance, 开工 ground broken,
 * 在建 under construction, 竣工 completed, 投运 in operation.
 */
public enum ProjectPhase {

	PREPARATION("前期", "前期阶段", "谋划"), RELOCATION("征迁", "征地拆迁", "征收"), GROUNDBREAKING("开工", "新开工", "已开工"),
	CONSTRUCTION("在建", "续建", "建设中"), COMPLETED("竣工", "完工", "建成"), OPERATING("投运", "投产", "运营", "已投运");

	private final List<String> names;

	ProjectPhase(String... names) {
		this.names = List.of(names);
	}

	public String label() {
		return this.names.get(0);
	}

	/** Built: the project's lights say DONE from here on. */
	public boolean finished() {
		return compareTo(COMPLETED) >= 0;
	}

	public static Optional<ProjectPhase> parse(String text) {
		String value = text.strip();
		return Arrays.stream(values())
			.filter((phase) -> phase.name().equalsIgnoreCase(value) || phase.names.contains(value))
			.findFirst();
	}

}
