package dev.luoshi.work;

import java.util.List;

import dev.luoshi.shared.LedgerSheet;

/**
 * The columns of a task ledger (台账) as people keep it (编号, 任务名称, 牵头单位, 配合单位, 分管领导, 完成时限,
 * 目标 and their usual variants); the sheet itself is read by {@link LedgerSheet}.
 */
final class TaskLedger {

	enum Column implements LedgerSheet.Heading {

		CODE("编号", "序号", "任务编号", "编码"), TITLE("任务名称", "任务", "重点工作", "重点任务", "工作任务", "工作内容", "任务内容", "具体任务"),
		LEAD("牵头单位", "责任单位", "主责单位", "牵头部门", "责任部门"), COOPERATING("配合单位", "协同单位", "配合部门"),
		LEADER("分管领导", "责任领导", "牵头领导", "分管区领导", "区级领导"), DEADLINE("完成时限", "完成时间", "时限", "时间节点", "截止时间", "完成期限"),
		TARGET("目标", "目标任务", "工作目标", "目标要求", "量化目标"), TERRITORIAL("属地", "属地单位", "责任街道");

		private final List<String> names;

		Column(String... names) {
			this.names = List.of(names);
		}

		@Override
		public List<String> names() {
			return this.names;
		}

	}

	private TaskLedger() {
	}

}
