package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;

import dev.luoshi.shared.LedgerWorkbook;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project ledger as .xlsx, in yuan: the columns the import reads (so an export can be
 * edited and imported again) plus the year's completion; and an empty template.
 */
@Service
@Transactional(readOnly = true)
public class ProjectExports {

	static final List<String> HEADINGS;

	static {
		List<String> headings = new ArrayList<>(List.of("项目编号", "项目名称", "项目类别", "所属指挥部", "牵头单位", "责任领导", "建设地点",
				"总投资（元）", "开工时间", "计划竣工", "建设阶段", "是否入库", "年度计划投资（元）"));
		for (int month = 1; month <= 12; month++) {
			headings.add(month + "月");
		}
		headings.addAll(List.of("本年完成投资（元）", "年度完成率（%）", "状态"));
		HEADINGS = List.copyOf(headings);
	}

	private final Projects projects;

	private final ProjectRepository repository;

	private final Clock clock;

	ProjectExports(Projects projects, ProjectRepository repository, Clock clock) {
		this.projects = projects;
		this.repository = repository;
		this.clock = clock;
	}

	public byte[] ledger(ProjectQuery query, Integer year) {
		int planYear = (year != null) ? year : LocalDate.now(this.clock).getYear();
		List<Project> projects = this.projects.all(query);
		Map<Long, List<AnnualPlan>> plans = this.repository.plans(projects.stream().map(Project::id).toList(),
				planYear);
		return LedgerWorkbook.write("重点项目", "重点项目台账（" + planYear + "年）", HEADINGS, (ledger) -> {
			for (Project project : projects) {
				Row row = ledger.row();
				ledger.text(row, 0, project.code());
				ledger.text(row, 1, project.name());
				ledger.text(row, 2, project.category().label());
				ledger.text(row, 3, project.headquarters().isEmpty() ? "" : project.headquarters().get(0).name());
				ledger.text(row, 4, project.leadUnitName());
				ledger.text(row, 5, (project.responsibleLeader() != null) ? project.responsibleLeader().name() : "");
				ledger.text(row, 6, project.location().address());
				ledger.money(row, 7, project.totalInvestment());
				ledger.date(row, 8, project.startDate());
				ledger.date(row, 9, project.plannedCompletion());
				ledger.text(row, 10, project.phase().label());
				ledger.text(row, 11, project.registered() ? "是" : "否");
				AnnualPlan plan = plans.getOrDefault(project.id(), List.of()).stream().findFirst().orElse(null);
				if (plan != null) {
					ledger.money(row, 12, plan.amount());
					for (int month = 0; month < 12; month++) {
						ledger.money(row, 13 + month, plan.monthly().get(month));
					}
				}
				BigDecimal done = (project.progress().year() == planYear) ? project.progress().completedThisYear()
						: null;
				ledger.money(row, 25, done);
				ledger.number(row, 26,
						(project.progress().year() == planYear) ? project.progress().annualRate() : null);
				ledger.text(row, 27, project.light().name());
			}
			ledger.widths(16, 36, 10, 20, 18, 10, 24, 16);
		});
	}

	public byte[] template() {
		return LedgerWorkbook.write("重点项目", "××区重点项目台账（模板，金额单位：元；表头写“万元”时按万元读取）", HEADINGS.subList(0, 25),
				(ledger) -> ledger.widths(16, 36, 10, 20, 18, 10, 24, 16));
	}

}
