package dev.luoshi.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A ledger (台账) as people keep it in Excel: a title row or two, then a header row found
 * among the first rows by its column names and their usual variants, then one record a
 * row. Row numbers are those the spreadsheet program shows, so that errors can name them.
 */
public final class LedgerSheet {

	/** A column a ledger may have: its canonical heading first, then its variants. */
	public interface Heading {

		List<String> names();

		default String heading() {
			return names().get(0);
		}

	}

	/** The header's columns (empty when no header was found) and the records below it. */
	public record Parsed<C extends Enum<C> & Heading>(Map<C, Integer> columns, Map<C, String> headers,
			List<Line<C>> lines) {

		/**
		 * Whether the header row mentions {@code text} in the heading of {@code column}.
		 */
		public boolean headerMentions(C column, String text) {
			return this.headers.getOrDefault(column, "").contains(text);
		}

	}

	/** One record: its row number as shown, and its cells by column. */
	public record Line<C extends Enum<C> & Heading>(int row, Map<C, String> texts, Map<C, Double> numbers,
			Map<C, Boolean> dateFormatted) {

		/** The cell as displayed, stripped; empty when blank. */
		public String text(C column) {
			return this.texts.getOrDefault(column, "");
		}

		/** A date cell, or a number that is an Excel date serial within this century. */
		public Optional<LocalDate> date(C column) {
			Double value = this.numbers.get(column);
			if (value == null) {
				return Optional.empty();
			}
			if (this.dateFormatted.getOrDefault(column, false) || (value > 36526 && value < 73051)) {
				return Optional.of(DateUtil.getLocalDateTime(value).toLocalDate());
			}
			return Optional.empty();
		}

		/**
		 * A number cell's value, or a text cell read as a number (thousands separators
		 * allowed); empty when neither.
		 */
		public Optional<BigDecimal> number(C column) {
			Double value = this.numbers.get(column);
			if (value != null) {
				return Optional.of(BigDecimal.valueOf(value));
			}
			String text = text(column).replace(",", "").replace("，", "");
			if (text.matches("-?\\d+(\\.\\d+)?")) {
				return Optional.of(new BigDecimal(text));
			}
			return Optional.empty();
		}

	}

	private static final int HEADER_SEARCH_ROWS = 10;

	/**
	 * The most a workbook may unpack to. A task ledger of 100,000 rows is a sheet of
	 * about 45 MB, which the in-memory reader holds in about 0.5 GB.
	 */
	static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

	/**
	 * A workbook that unpacks to more than a hundred times its packed size, past its
	 * first 100 KB, is a zip bomb (the ratio POI itself takes for one).
	 */
	private static final int MAX_RATIO = 100;

	private static final int RATIO_GRACE_BYTES = 100 * 1024;

	private static final DataFormatter FORMAT = new DataFormatter();

	private LedgerSheet() {
	}

	/**
	 * Reads the first sheet of a workbook; what is no workbook is refused as invalid
	 * {@code file}, a zip bomb or a workbook that unpacks to more than 64 MB as too
	 * large, before it is unpacked any further.
	 */
	public static <C extends Enum<C> & Heading> Parsed<C> read(InputStream input, Class<C> columns, C required,
			int minimumColumns) {
		try {
			byte[] file = input.readAllBytes();
			requireModestUnpackedSize(file);
			try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
				if (workbook.getNumberOfSheets() == 0) {
					throw DomainException.invalid("file", "ledger-unreadable", "The file holds no sheet");
				}
				return read(workbook.getSheetAt(0), columns, required, minimumColumns);
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DomainException domain) {
				throw domain;
			}
			throw DomainException.invalid("file", "ledger-unreadable", "The file is not an Excel workbook (.xlsx)");
		}
	}

	/**
	 * Unpacks a workbook (a zip) without keeping it, counting: refuses it as too large
	 * once its parts declare or unpack to more than {@link #MAX_UNPACKED_BYTES} in all,
	 * or unpack far more than they are packed.
	 */
	private static void requireModestUnpackedSize(byte[] file) throws IOException {
		if (file.length < 2 || file[0] != 'P' || file[1] != 'K') {
			return;
		}
		long unpacked = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(file), "UTF-8", true,
				true)) {
			for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (unpacked + Math.max(entry.getSize(), 0) > MAX_UNPACKED_BYTES) {
					throw tooLarge();
				}
				long entryBytes = 0;
				for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
					entryBytes += n;
					if (unpacked + entryBytes > MAX_UNPACKED_BYTES || (entryBytes > RATIO_GRACE_BYTES
							&& zip.getCompressedCount() * MAX_RATIO < zip.getUncompressedCount())) {
						throw tooLarge();
					}
				}
				unpacked += entryBytes;
			}
		}
	}

	private static DomainException tooLarge() {
		long megabytes = MAX_UNPACKED_BYTES / (1024 * 1024);
		return DomainException.tooLarge("ledger-too-large",
				"The workbook unpacks to more than " + megabytes + " MB or is packed suspiciously tightly", megabytes);
	}

	/**
	 * Finds the header as the first of the first rows naming {@code required} and at
	 * least {@code minimumColumns} known columns, and reads the non-blank rows below it.
	 */
	public static <C extends Enum<C> & Heading> Parsed<C> read(Sheet sheet, Class<C> columns, C required,
			int minimumColumns) {
		Map<C, Integer> found = new EnumMap<>(columns);
		Map<C, String> headers = new EnumMap<>(columns);
		int headerRow = -1;
		int last = Math.min(sheet.getFirstRowNum() + HEADER_SEARCH_ROWS, sheet.getLastRowNum());
		for (int r = Math.max(sheet.getFirstRowNum(), 0); r <= last; r++) {
			found = new EnumMap<>(columns);
			headers = new EnumMap<>(columns);
			header(sheet.getRow(r), columns, found, headers);
			if (found.size() >= minimumColumns && found.containsKey(required)) {
				headerRow = r;
				break;
			}
		}
		List<Line<C>> lines = new ArrayList<>();
		if (headerRow < 0) {
			return new Parsed<>(Map.of(), Map.of(), lines);
		}
		for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row != null) {
				line(row, found, columns).ifPresent(lines::add);
			}
		}
		return new Parsed<>(found, headers, lines);
	}

	private static <C extends Enum<C> & Heading> Optional<Line<C>> line(Row row, Map<C, Integer> found,
			Class<C> columns) {
		Map<C, String> texts = new EnumMap<>(columns);
		Map<C, Double> numbers = new EnumMap<>(columns);
		Map<C, Boolean> dates = new EnumMap<>(columns);
		for (Map.Entry<C, Integer> column : found.entrySet()) {
			Cell cell = row.getCell(column.getValue());
			if (cell == null) {
				continue;
			}
			CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
					: cell.getCellType();
			if (type == CellType.NUMERIC) {
				numbers.put(column.getKey(), cell.getNumericCellValue());
				dates.put(column.getKey(), DateUtil.isCellDateFormatted(cell));
			}
			String text = display(cell, type).strip();
			if (!text.isEmpty()) {
				texts.put(column.getKey(), text);
			}
		}
		return texts.isEmpty() ? Optional.empty() : Optional.of(new Line<>(row.getRowNum() + 1, texts, numbers, dates));
	}

	/**
	 * What the cell shows; for a formula, its last computed value rather than the
	 * formula.
	 */
	private static String display(Cell cell, CellType type) {
		if (cell.getCellType() != CellType.FORMULA) {
			return FORMAT.formatCellValue(cell);
		}
		return switch (type) {
			case NUMERIC -> FORMAT.formatRawCellContents(cell.getNumericCellValue(),
					cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> "";
		};
	}

	private static <C extends Enum<C> & Heading> void header(Row row, Class<C> columns, Map<C, Integer> found,
			Map<C, String> headers) {
		if (row == null) {
			return;
		}
		for (Cell cell : row) {
			String text = FORMAT.formatCellValue(cell);
			String name = normalise(text);
			for (C column : columns.getEnumConstants()) {
				if (!found.containsKey(column) && column.names().contains(name)) {
					found.put(column, cell.getColumnIndex());
					headers.put(column, text.strip());
				}
			}
		}
	}

	/** A heading without spaces, asterisks of required columns or a bracketed remark. */
	private static String normalise(String heading) {
		return heading.replaceAll("[\\s*＊]", "").replaceAll("[（(].*?[)）]", "");
	}

}
