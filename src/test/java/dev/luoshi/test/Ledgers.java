package dev.luoshi.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an Excel ledger as offices keep them: a merged title row, a heading row, then
 * the rows; a value that looks like a number is written as one unless its column holds
 * text.
 */
public final class Ledgers {

	private Ledgers() {
	}

	@SafeVarargs
	public static byte[] workbook(String sheetName, String title, Predicate<String> textColumn, List<String> headings,
			List<String>... rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName);
			sheet.createRow(0).createCell(0).setCellValue(title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headings.size() - 1));
			Row header = sheet.createRow(1);
			for (int i = 0; i < headings.size(); i++) {
				header.createCell(i).setCellValue(headings.get(i));
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 2);
				for (int i = 0; i < rows[r].size(); i++) {
					String value = rows[r].get(i);
					if (value.matches("\\d+(\\.\\d+)?") && !textColumn.test(headings.get(i))) {
						row.createCell(i).setCellValue(Double.parseDouble(value));
					}
					else if (!value.isEmpty()) {
						row.createCell(i).setCellValue(value);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
