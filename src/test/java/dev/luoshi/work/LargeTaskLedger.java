package dev.luoshi.work;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a task ledger of any length that imports whole into a campaign of the demo
 * district running to the end of {@code year}: sections with tasks and sub-tasks below
 * them (1, 1.1, 1.1.1), 46 rows a section, the district's departments as lead and
 * cooperating units, deadlines written as offices write them, text in shared strings as
 * Excel saves it. For timing imports against a running server:
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) dev.luoshi.work.LargeTaskLedger \
 *   100000 2027 /tmp/ledger-100k.xlsx [G1-D1,G1-D2,...]
 * </pre>
 */
public final class LargeTaskLedger {

	private static final List<String> DEMO_UNITS = List.of("区发展和改革局", "区财政局", "区住房和城乡建设局", "区自然资源局", "区商务局", "区文化和旅游局",
			"区农业农村局", "区城市管理局", "区工业和信息化局", "区交通运输局", "区生态环境分局", "区应急管理局");

	private static final int TASKS = 9;

	private static final int SUBTASKS = 4;

	private LargeTaskLedger() {
	}

	public static void main(String[] args) throws IOException {
		int rows = Integer.parseInt(args[0]);
		int year = Integer.parseInt(args[1]);
		byte[] ledger = (args.length > 3) ? write(rows, year, List.of(args[3].split(",")), "")
				: write(rows, year, DEMO_UNITS, "刘振华");
		Files.write(Path.of(args[2]), ledger);
		System.out.printf("Wrote %,d rows (%,d bytes) to %s%n", rows, ledger.length, args[2]);
	}

	static byte[] write(int rows, int year, List<String> units, String leader) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("任务台账");
			sheet.createRow(0).createCell(0).setCellValue(year + " 年重点工作任务分解表");
			List<String> headings = List.of("序号", "重点工作", "牵头单位", "配合单位", "责任领导", "完成时限", "目标");
			Row header = sheet.createRow(1);
			for (int i = 0; i < headings.size(); i++) {
				header.createCell(i).setCellValue(headings.get(i));
			}
			int written = 0;
			for (int section = 1; written < rows; section++) {
				row(sheet, written++, String.valueOf(section), units, section, leader, year + "年12月31日");
				for (int task = 1; task <= TASKS && written < rows; task++) {
					String code = section + "." + task;
					row(sheet, written++, code, units, section + task, "", year + "-09-30");
					for (int subtask = 1; subtask <= SUBTASKS && written < rows; subtask++) {
						row(sheet, written++, code + "." + subtask, units, section + task + subtask, "",
								year + "年" + (3 + subtask) + "月30日前");
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		finally {
			workbook.close();
		}
	}

	private static void row(Sheet sheet, int index, String code, List<String> units, int unit, String leader,
			String deadline) {
		Row row = sheet.createRow(index + 2);
		row.createCell(0).setCellValue(code);
		row.createCell(1).setCellValue("推进第 " + (index + 1) + " 项重点任务落地见效");
		row.createCell(2).setCellValue(units.get(unit % units.size()));
		row.createCell(3)
			.setCellValue(units.get((unit + 1) % units.size()) + "、" + units.get((unit + 5) % units.size()));
		if (!leader.isEmpty()) {
			row.createCell(4).setCellValue(leader);
		}
		row.createCell(5).setCellValue(deadline);
		row.createCell(6).setCellValue("完成投资 " + (index % 90 + 10) + " 亿元");
	}

}
