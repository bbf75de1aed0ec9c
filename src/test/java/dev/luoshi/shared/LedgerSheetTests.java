package dev.luoshi.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerSheetTests {

	enum Column implements LedgerSheet.Heading {

		NAME("名称", "项目名称"), DUE("完成时限"), AMOUNT("金额"), TOTAL("合计"), NOTE("备注");

		private final List<String> names;

		Column(String... names) {
			this.names = List.of(names);
		}

		@Override
		public List<String> names() {
			return this.names;
		}

	}

	@Test
	void cellsReadAsTheSpreadsheetShowsThemWithTheirNumbersAndDates() throws IOException {
		LedgerSheet.Parsed<Column> ledger = read(ledger(new XSSFWorkbook()));

		assertThat(ledger.headers()).containsEntry(Column.NAME, "项目名称（全称）").containsEntry(Column.AMOUNT, "金额 *");
		assertThat(ledger.lines()).hasSize(2);
		LedgerSheet.Line<Column> line = ledger.lines().get(0);
		assertThat(line.row()).isEqualTo(5);
		assertThat(line.text(Column.NAME)).isEqualTo("雨污分流改造");
		assertThat(line.text(Column.DUE)).isEqualTo("2026/6/30");
		assertThat(line.date(Column.DUE)).contains(LocalDate.of(2026, 6, 30));
		assertThat(line.text(Column.AMOUNT)).isEqualTo("1,234,567.50");
		assertThat(line.number(Column.AMOUNT)).contains(new BigDecimal("1234567.5"));
		assertThat(line.date(Column.AMOUNT)).isEmpty();
		assertThat(line.text(Column.TOTAL)).as("a formula shows its last result").isEqualTo("2,469,135.00");
		assertThat(line.number(Column.TOTAL)).contains(new BigDecimal("2469135.0"));
		assertThat(line.text(Column.NOTE)).isEqualTo("一期二期");
		assertThat(line.numbers()).doesNotContainKey(Column.NOTE);
		LedgerSheet.Line<Column> next = ledger.lines().get(1);
		assertThat(next.row()).as("the blank row between is left out, the numbers are the sheet's").isEqualTo(7);
		assertThat(next.text(Column.DUE)).isEqualTo("6月底前");
		assertThat(next.date(Column.DUE)).isEmpty();
		assertThat(next.text(Column.TOTAL)).isEqualTo("true");
	}

	@Test
	void anOldXlsWorkbookReadsAsItsXlsxCopy() throws IOException {
		assertThat(read(ledger(new HSSFWorkbook()))).isEqualTo(read(ledger(new XSSFWorkbook())));
	}

	@Test
	void aStreamedWorkbookReadsAsOneWrittenWhole() throws IOException {
		assertThat(read(ledger(new SXSSFWorkbook(100)))).isEqualTo(read(ledger(new XSSFWorkbook())));
	}

	@Test
	void recordsAreHandedOnOneByOneAndWhatTheirReaderThrowsReachesTheCaller() throws IOException {
		byte[] file = ledger(new XSSFWorkbook());
		List<Integer> rows = new ArrayList<>();

		LedgerSheet.Parsed<Column> header = LedgerSheet.read(new ByteArrayInputStream(file), Column.class, Column.NAME,
				2, (line) -> rows.add(line.row()));

		assertThat(rows).containsExactly(5, 7);
		assertThat(header.lines()).isEmpty();
		assertThat(header.columns()).containsEntry(Column.NAME, 0).containsEntry(Column.NOTE, 4);
		IllegalStateException failure = new IllegalStateException("the reader's own failure");
		assertThatThrownBy(
				() -> LedgerSheet.read(new ByteArrayInputStream(file), Column.class, Column.NAME, 2, (line) -> {
					throw failure;
				}))
			.isSameAs(failure);
	}

	@Test
	void aHeaderBelowTheFirstRowsIsNotLookedFor() throws IOException {
		try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("台账");
			sheet.createRow(1).createCell(0).setCellValue("说明");
			Row header = sheet.createRow(12);
			header.createCell(0).setCellValue("名称");
			header.createCell(1).setCellValue("金额");
			sheet.createRow(13).createCell(0).setCellValue("甲");
			workbook.write(out);

			LedgerSheet.Parsed<Column> ledger = read(out.toByteArray());

			assertThat(ledger.columns()).isEmpty();
			assertThat(ledger.lines()).isEmpty();
		}
	}

	@Test
	void whatIsNoWorkbookIsRefusedAsUnreadable() {
		for (byte[] file : List.of("名称,金额".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }, new byte[0])) {
			assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(DomainException.class,
					(refused) -> assertThat(refused.code()).isEqualTo("ledger-unreadable"));
		}
	}

	private static LedgerSheet.Parsed<Column> read(byte[] file) {
		return LedgerSheet.read(new ByteArrayInputStream(file), Column.class, Column.NAME, 2);
	}

	/**
	 * A title row, a header on the fourth row, a record, a blank row and another record:
	 * dates, formatted numbers, formulas with number, text and boolean results.
	 */
	private static byte[] ledger(Workbook workbook) throws IOException {
		try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("台账");
			sheet.createRow(0).createCell(0).setCellValue("2026年重点项目台账");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
			sheet.createRow(1).createCell(0).setCellValue("填报单位：区发改局");
			Row header = sheet.createRow(3);
			List<String> headings = List.of("项目名称（全称）", "完成时限", "金额 *", "合计", "备注");
			for (int i = 0; i < headings.size(); i++) {
				header.createCell(i).setCellValue(headings.get(i));
			}
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
			Row first = sheet.createRow(4);
			first.createCell(0).setCellValue(" 雨污分流改造 ");
			first.createCell(1).setCellValue(LocalDate.of(2026, 6, 30));
			first.getCell(1).setCellStyle(date);
			first.createCell(2).setCellValue(1234567.5);
			first.getCell(2).setCellStyle(money);
			first.createCell(3).setCellFormula("C5*2");
			first.getCell(3).setCellStyle(money);
			first.createCell(4).setCellFormula("\"一期\"&\"二期\"");
			sheet.createRow(5);
			Row second = sheet.createRow(6);
			second.createCell(0).setCellValue("口袋公园");
			second.createCell(1).setCellValue("6月底前");
			second.createCell(3).setCellFormula("1=1");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
