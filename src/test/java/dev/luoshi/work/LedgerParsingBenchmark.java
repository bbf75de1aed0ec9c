package dev.luoshi.work;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.luoshi.shared.LedgerSheet;

/**
 * Reading a task ledger as people keep it (title rows, a header found by its names,
 * outline numbers, units by name, deadlines in words) before anything is written.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = { "-Xmx1g" })
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class LedgerParsingBenchmark {

	@Param({ "10000", "100000" })
	public int rows;

	private byte[] ledger;

	@Setup
	public void write() throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("任务台账");
			sheet.createRow(0).createCell(0).setCellValue("2026 年重点工作任务分解表");
			Row header = sheet.createRow(1);
			String[] headings = { "序号", "重点工作", "牵头单位", "配合单位", "完成时限", "目标" };
			for (int i = 0; i < headings.length; i++) {
				header.createCell(i).setCellValue(headings[i]);
			}
			String[] deadlines = { "2026-09-30", "6月底前", "三季度末", "2026年12月31日", "长期坚持" };
			for (int r = 0; r < this.rows; r++) {
				Row row = sheet.createRow(r + 2);
				row.createCell(0).setCellValue((r / 10 + 1) + "." + (r % 10 + 1));
				row.createCell(1).setCellValue("推进第 " + r + " 项重点任务落地见效");
				row.createCell(2).setCellValue("区住房和城乡建设局");
				row.createCell(3).setCellValue("区财政局、区自然资源局");
				row.createCell(4).setCellValue(deadlines[r % deadlines.length]);
				row.createCell(5).setCellValue("完成投资 " + (r % 90 + 10) + " 亿元");
			}
			workbook.write(out);
			this.ledger = out.toByteArray();
		}
	}

	@Benchmark
	public LedgerSheet.Parsed<TaskLedger.Column> read() {
		return LedgerSheet.read(new ByteArrayInputStream(this.ledger), TaskLedger.Column.class, TaskLedger.Column.TITLE,
				3);
	}

}
