package dev.luoshi.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a ledger the way people keep them and the imports read them: a merged title row,
 * a header row, then one record a row. Streams rows (POI SXSSF), so large lists stay
 * cheap.
 */
public final class LedgerWorkbook {

	private final Sheet sheet;

	private final CellStyle dates;

	private final CellStyle money;

	private int next = 2;

	private LedgerWorkbook(SXSSFWorkbook workbook, String sheetName, String title, List<String> headings) {
		this.sheet = workbook.createSheet(sheetName);
		CellStyle titleStyle = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		bold.setFontHeightInPoints((short) 14);
		titleStyle.setFont(bold);
		Row titleRow = this.sheet.createRow(0);
		titleRow.createCell(0).setCellValue(title);
		titleRow.getCell(0).setCellStyle(titleStyle);
		this.sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headings.size() - 1));
		Row header = this.sheet.createRow(1);
		for (int i = 0; i < headings.size(); i++) {
			header.createCell(i).setCellValue(headings.get(i));
		}
		this.dates = workbook.createCellStyle();
		this.dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
		this.money = workbook.createCellStyle();
		this.money.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
	}

	/**
	 * A workbook of one sheet with the title and headings, the rows written by
	 * {@code rows}.
	 */
	public static byte[] write(String sheetName, String title, List<String> headings, Consumer<LedgerWorkbook> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			rows.accept(new LedgerWorkbook(workbook, sheetName, title, headings));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The next record's row. */
	public Row row() {
		return this.sheet.createRow(this.next++);
	}

	public void text(Row row, int column, String value) {
		row.createCell(column).setCellValue((value != null) ? value : "");
	}

	public void date(Row row, int column, LocalDate value) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(this.dates);
		}
	}

	/**
	 * An amount; a spreadsheet holds it as a double, exact for amounts below 10¹³ yuan
	 * with fen.
	 */
	public void money(Row row, int column, BigDecimal value) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value.doubleValue());
			cell.setCellStyle(this.money);
		}
	}

	public void number(Row row, int column, BigDecimal value) {
		if (value != null) {
			row.createCell(column).setCellValue(value.doubleValue());
		}
	}

	public void widths(int... characters) {
		for (int i = 0; i < characters.length; i++) {
			if (characters[i] > 0) {
				this.sheet.setColumnWidth(i, characters[i] * 256);
			}
		}
	}

}
