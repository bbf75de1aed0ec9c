package dev.luoshi.work;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;

import dev.luoshi.organization.Organization;
import dev.luoshi.shared.LedgerWorkbook;
import dev.luoshi.shared.PageRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task ledgers as .xlsx: a campaign's task book, any filtered task list, and an empty
 * template. The columns are those the import reads, so an export can be edited and
 * imported again.
 */
@Service
@Transactional(readOnly = true)
public class TaskExports {

	static final List<String> HEADINGS = List.of("编号", "任务名称", "牵头单位", "配合单位", "属地", "分管领导", "完成时限", "目标", "进度（%）",
			"状态");

	private final TaskBook taskBook;

	private final Campaigns campaigns;

	private final Organization organization;

	TaskExports(TaskBook taskBook, Campaigns campaigns, Organization organization) {
		this.taskBook = taskBook;
		this.campaigns = campaigns;
		this.organization = organization;
	}

	public byte[] campaignLedger(long campaignId) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		List<Task> flat = new ArrayList<>();
		flatten(this.taskBook.tree(campaignId), flat);
		return write(campaign.name() + "任务台账", flat);
	}

	public byte[] taskList(TaskQuery query) {
		return write("任务清单", this.taskBook.tasks(query, PageRequest.of(0, PageRequest.MAX_SIZE)).items());
	}

	public byte[] template() {
		return write("××攻坚行动任务台账（模板）", List.of());
	}

	private static void flatten(List<Task> tasks, List<Task> into) {
		for (Task task : tasks) {
			into.add(task);
			flatten(task.children(), into);
		}
	}

	private byte[] write(String title, List<Task> tasks) {
		List<Long> unitIds = new ArrayList<>();
		tasks.forEach((task) -> {
			unitIds.addAll(task.cooperatingUnitIds());
			if (task.territorialUnitId() != null) {
				unitIds.add(task.territorialUnitId());
			}
		});
		Map<Long, String> names = this.organization.unitNames(unitIds);
		return LedgerWorkbook.write("任务台账", title, HEADINGS, (ledger) -> {
			for (Task task : tasks) {
				Row row = ledger.row();
				ledger.text(row, 0, task.code());
				ledger.text(row, 1, task.title());
				ledger.text(row, 2, task.leadUnitName());
				ledger.text(row, 3, String.join("、", task.cooperatingUnitIds().stream().map(names::get).toList()));
				ledger.text(row, 4, (task.territorialUnitId() != null) ? names.get(task.territorialUnitId()) : "");
				ledger.text(row, 5, (task.responsibleLeader() != null) ? task.responsibleLeader().name() : "");
				ledger.date(row, 6, task.deadline());
				ledger.text(row, 7, target(task.target()));
				ledger.number(row, 8, task.progress());
				ledger.text(row, 9, task.light().name());
			}
			ledger.widths(0, 40, 18, 24, 0, 0, 12, 24);
		});
	}

	private static String target(Target target) {
		if (target == null) {
			return "";
		}
		BigDecimal value = target.value();
		return target.indicator() + ((value != null) ? " " + value.stripTrailingZeros().toPlainString() : "")
				+ ((target.unit() != null) ? target.unit() : "");
	}

}
