package dev.luoshi.shared;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.ss.usermodel.DateUtil;
import org.xml.sax.SAXException;

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
	 * about 45 MB.
	 */
	static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

	/**
	 * A workbook that unpacks to more than a hundred times its packed size, past its
	 * first 100 KB, is a zip bomb (the ratio POI itself takes for one).
	 */
	private static final int MAX_RATIO = 100;

	private static final int RATIO_GRACE_BYTES = 100 * 1024;

	private LedgerSheet() {
	}

	/**
	 * Reads the first sheet of a workbook; what is no workbook is refused as invalid
	 * {@code file}, a zip bomb or a workbook that unpacks to more than 64 MB as too
	 * large, before it is unpacked any further.
	 */
	public static <C extends Enum<C> & Heading> Parsed<C> read(InputStream input, Class<C> columns, C required,
			int minimumColumns) {
		List<Line<C>> lines = new ArrayList<>();
		Parsed<C> header = read(input, columns, required, minimumColumns, lines::add);
		return new Parsed<>(header.columns(), header.headers(), lines);
	}

	/**
	 * Reads the first sheet of a workbook as {@link #read(InputStream, Class, Enum, int)}
	 * does, but hands each record to {@code each} as soon as it is read and keeps none:
	 * the result holds the header only. The header is the first of the first rows naming
	 * {@code required} and at least {@code minimumColumns} known columns; the records are
	 * the non-blank rows below it. What {@code each} throws reaches the caller as it is.
	 */
	public static <C extends Enum<C> & Heading> Parsed<C> read(InputStream input, Class<C> columns, C required,
			int minimumColumns, Consumer<Line<C>> each) {
		Reading<C> reading = new Reading<>(columns, required, minimumColumns, each);
		try {
			byte[] file = input.readAllBytes();
			boolean read;
			if (file.length >= 2 && file[0] == 'P' && file[1] == 'K') {
				try (ZipFile zip = ZipFile.builder()
					.setSeekableByteChannel(new SeekableInMemoryByteChannel(file))
					.get()) {
					requireModestUnpackedSize(zip);
					read = SheetRows.readXlsx(zip, reading);
				}
			}
			else {
				read = SheetRows.readWorkbook(file, reading);
			}
			if (!read) {
				throw DomainException.invalid("file", "ledger-unreadable", "The file holds no sheet");
			}
			return reading.header();
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof Handed handed) {
					throw handed.thrown;
				}
			}
			if (ex instanceof DomainException domain) {
				throw domain;
			}
			throw DomainException.invalid("file", "ledger-unreadable", "The file is not an Excel workbook (.xlsx)");
		}
	}

	/**
	 * Unpacks every part of a workbook (a zip) without keeping it, counting: refuses it
	 * as too large once its parts declare or unpack to more than
	 * {@link #MAX_UNPACKED_BYTES} in all, or unpack far more than they are packed. The
	 * parts are those the reader then opens, found through the same central directory.
	 */
	private static void requireModestUnpackedSize(ZipFile zip) throws IOException {
		long unpacked = 0;
		byte[] buffer = new byte[64 * 1024];
		for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
			if (unpacked + Math.max(entry.getSize(), 0) > MAX_UNPACKED_BYTES) {
				throw tooLarge();
			}
			long entryBytes = 0;
			try (InputStream part = zip.getInputStream(entry)) {
				for (int n = part.read(buffer); n >= 0; n = part.read(buffer)) {
					entryBytes += n;
					long packed = (part instanceof InputStreamStatistics statistics) ? statistics.getCompressedCount()
							: entry.getCompressedSize();
					if (unpacked + entryBytes > MAX_UNPACKED_BYTES
							|| (entryBytes > RATIO_GRACE_BYTES && packed * MAX_RATIO < entryBytes)) {
						throw tooLarge();
					}
				}
			}
			unpacked += entryBytes;
		}
	}

	private static DomainException tooLarge() {
		long megabytes = MAX_UNPACKED_BYTES / (1024 * 1024);
		return DomainException.tooLarge("ledger-too-large",
				"The workbook unpacks to more than " + megabytes + " MB or is packed suspiciously tightly", megabytes);
	}

	/**
	 * Looks for the header among the first rows as they come, then turns each row below
	 * it into a record.
	 */
	private static final class Reading<C extends Enum<C> & Heading> implements SheetRows.Sink {

		private final Class<C> columns;

		private final C required;

		private final int minimumColumns;

		private final Consumer<Line<C>> each;

		private Map<C, Integer> found;

		private Map<C, String> headers;

		private int firstRow = -1;

		Reading(Class<C> columns, C required, int minimumColumns, Consumer<Line<C>> each) {
			this.columns = columns;
			this.required = required;
			this.minimumColumns = minimumColumns;
			this.each = each;
		}

		@Override
		public boolean wants(int row, int column) {
			if (this.found != null) {
				return this.found.containsValue(column);
			}
			return this.firstRow < 0 || row <= this.firstRow + HEADER_SEARCH_ROWS;
		}

		@Override
		public void row(int index, SortedMap<Integer, LedgerCell> cells) {
			if (this.found != null) {
				Optional<Line<C>> line = line(index, cells);
				if (line.isPresent()) {
					try {
						this.each.accept(line.get());
					}
					catch (RuntimeException ex) {
						throw new Handed(ex);
					}
				}
				return;
			}
			if (this.firstRow < 0) {
				this.firstRow = index;
			}
			if (index > this.firstRow + HEADER_SEARCH_ROWS) {
				return;
			}
			Map<C, Integer> candidate = new EnumMap<>(this.columns);
			Map<C, String> names = new EnumMap<>(this.columns);
			for (Map.Entry<Integer, LedgerCell> cell : cells.entrySet()) {
				String text = cell.getValue().text();
				String name = normalise(text);
				for (C column : this.columns.getEnumConstants()) {
					if (!candidate.containsKey(column) && column.names().contains(name)) {
						candidate.put(column, cell.getKey());
						names.put(column, text.strip());
					}
				}
			}
			if (candidate.size() >= this.minimumColumns && candidate.containsKey(this.required)) {
				this.found = candidate;
				this.headers = names;
			}
		}

		private Optional<Line<C>> line(int index, SortedMap<Integer, LedgerCell> cells) {
			Map<C, String> texts = new EnumMap<>(this.columns);
			Map<C, Double> numbers = new EnumMap<>(this.columns);
			Map<C, Boolean> dates = new EnumMap<>(this.columns);
			for (Map.Entry<C, Integer> column : this.found.entrySet()) {
				LedgerCell cell = cells.get(column.getValue());
				if (cell == null) {
					continue;
				}
				if (cell.number() != null) {
					numbers.put(column.getKey(), cell.number());
					dates.put(column.getKey(), cell.dateFormatted());
				}
				String text = cell.text().strip();
				if (!text.isEmpty()) {
					texts.put(column.getKey(), text);
				}
			}
			return texts.isEmpty() ? Optional.empty() : Optional.of(new Line<>(index + 1, texts, numbers, dates));
		}

		Parsed<C> header() {
			if (this.found == null) {
				return new Parsed<>(Map.<C, Integer>of(), Map.<C, String>of(), List.<Line<C>>of());
			}
			return new Parsed<>(this.found, this.headers, List.of());
		}

	}

	/** What the consumer of the records threw, carried past the reader's own refusals. */
	private static final class Handed extends RuntimeException {

		private final RuntimeException thrown;

		Handed(RuntimeException thrown) {
			super(thrown);
			this.thrown = thrown;
		}

	}

	/** A heading without spaces, asterisks of required columns or a bracketed remark. */
	private static String normalise(String heading) {
		return heading.replaceAll("[\\s*＊]", "").replaceAll("[（(].*?[)）]", "");
	}

}
