package dev.luoshi.work;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dev.luoshi.organization.Organization;
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
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("任务台账");
			CellStyle titleStyle = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			bold.setFontHeightInPoints((short) 14);
			titleStyle.setFont(bold);
			Row titleRow = sheet.createRow(0);
			titleRow.createCell(0).setCellValue(title);
			titleRow.getCell(0).setCellStyle(titleStyle);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADINGS.size() - 1));
			Row header = sheet.createRow(1);
			for (int i = 0; i < HEADINGS.size(); i++) {
				header.createCell(i).setCellValue(HEADINGS.get(i));
			}
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			int r = 2;
			for (Task task : tasks) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(task.code());
				row.createCell(1).setCellValue(task.title());
				row.createCell(2).setCellValue(task.leadUnitName());
				row.createCell(3)
					.setCellValue(String.join("、", task.cooperatingUnitIds().stream().map(names::get).toList()));
				row.createCell(4)
					.setCellValue((task.territorialUnitId() != null) ? names.get(task.territorialUnitId()) : "");
				row.createCell(5)
					.setCellValue((task.responsibleLeader() != null) ? task.responsibleLeader().name() : "");
				row.createCell(6).setCellValue(task.deadline());
				row.getCell(6).setCellStyle(dateStyle);
				row.createCell(7).setCellValue(target(task.target()));
				row.createCell(8).setCellValue(task.progress().doubleValue());
				row.createCell(9).setCellValue(task.light().name());
			}
			sheet.setColumnWidth(1, 40 * 256);
			sheet.setColumnWidth(2, 18 * 256);
			sheet.setColumnWidth(3, 24 * 256);
			sheet.setColumnWidth(6, 12 * 256);
			sheet.setColumnWidth(7, 24 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
