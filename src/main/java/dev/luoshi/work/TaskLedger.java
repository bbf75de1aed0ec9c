package dev.luoshi.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * A task ledger (台账) as people keep it: a title row or two, then a header row found by
 * its column names (编号, 任务名称, 牵头单位, 配合单位, 分管领导, 完成时限, 目标 and their usual variants), then
 * one task a row.
 */
final class TaskLedger {

	enum Column {

		CODE("编号", "序号", "任务编号", "编码"), TITLE("任务名称", "任务", "重点工作", "重点任务", "工作任务", "工作内容", "任务内容", "具体任务"),
		LEAD("牵头单位", "责任单位", "主责单位", "牵头部门", "责任部门"), COOPERATING("配合单位", "协同单位", "配合部门"),
		LEADER("分管领导", "责任领导", "牵头领导", "分管区领导", "区级领导"), DEADLINE("完成时限", "完成时间", "时限", "时间节点", "截止时间", "完成期限"),
		TARGET("目标", "目标任务", "工作目标", "目标要求", "量化目标"), TERRITORIAL("属地", "属地单位", "责任街道");

		final String heading;

		final List<String> names;

		Column(String... names) {
			this.heading = names[0];
			this.names = List.of(names);
		}

	}

	/** One task row: its number as the spreadsheet shows it, and its cells by column. */
	record Line(int row, Map<Column, String> cells, LocalDate deadlineDate) {

		String get(Column column) {
			return this.cells.getOrDefault(column, "");
		}

	}

	/**
	 * The header row's columns, or an empty map when no row among the first ten looks
	 * like one.
	 */
	record Parsed(Map<Column, Integer> columns, List<Line> lines) {
	}

	private static final DataFormatter FORMAT = new DataFormatter();

	private TaskLedger() {
	}

	static Parsed read(Sheet sheet) {
		Map<Column, Integer> columns = new HashMap<>();
		int headerRow = -1;
		for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getFirstRowNum() + 10, sheet.getLastRowNum()); r++) {
			Map<Column, Integer> found = header(sheet.getRow(r));
			if (found.size() >= 3 && found.containsKey(Column.TITLE)) {
				columns = found;
				headerRow = r;
				break;
			}
		}
		List<Line> lines = new ArrayList<>();
		if (headerRow < 0) {
			return new Parsed(columns, lines);
		}
		for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			Map<Column, String> cells = new HashMap<>();
			LocalDate deadline = null;
			for (Map.Entry<Column, Integer> column : columns.entrySet()) {
				Cell cell = row.getCell(column.getValue());
				if (column.getKey() == Column.DEADLINE) {
					deadline = date(cell);
				}
				String text = (cell != null) ? FORMAT.formatCellValue(cell).strip() : "";
				if (!text.isEmpty()) {
					cells.put(column.getKey(), text);
				}
			}
			if (!cells.isEmpty()) {
				lines.add(new Line(r + 1, cells, deadline));
			}
		}
		return new Parsed(columns, lines);
	}

	private static Map<Column, Integer> header(Row row) {
		Map<Column, Integer> found = new HashMap<>();
		if (row == null) {
			return found;
		}
		for (Cell cell : row) {
			String name = normalise(FORMAT.formatCellValue(cell));
			for (Column column : Column.values()) {
				if (!found.containsKey(column) && column.names.contains(name)) {
					found.put(column, cell.getColumnIndex());
				}
			}
		}
		return found;
	}

	private static String normalise(String heading) {
		return heading.replaceAll("[\\s*＊]", "").replaceAll("[（(].*?[)）]", "");
	}

	/** A date cell, or a number that is an Excel date serial within this century. */
	private static LocalDate date(Cell cell) {
		if (cell == null || cell.getCellType() != CellType.NUMERIC) {
			return null;
		}
		double value = cell.getNumericCellValue();
		if (DateUtil.isCellDateFormatted(cell) || (value > 36526 && value < 73051)) {
			return DateUtil.getLocalDateTime(value).toLocalDate();
		}
		return null;
	}

}
