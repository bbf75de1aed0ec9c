package dev.luoshi.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rows of a workbook's first sheet, handed on one at a time with their non-blank
 * cells by column index. An .xlsx sheet is read as it is unpacked, through POI's event
 * API, so that no model of the workbook is built (POI's model of a 100,000-row ledger
 * took about 0.5 GB); only the old .xls format goes through that model.
 */
final class SheetRows {

	/**
	 * Where the rows go, in the order of the sheet; indexes count from 0. Only the cells
	 * it wants are read (the others may hold anything).
	 */
	interface Sink {

		boolean wants(int row, int column);

		void row(int index, SortedMap<Integer, LedgerCell> cells);

	}

	private SheetRows() {
	}

	/** Reads the first sheet of an .xlsx workbook; false when it has none. */
	static boolean readXlsx(ZipFile zip, Sink sink)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		try (OPCPackage workbook = OPCPackage.open(new ZipFileZipEntrySource(zip))) {
			XSSFReader reader = new XSSFReader(workbook);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				return false;
			}
			SharedStrings strings = new ReadOnlySharedStringsTable(workbook, false);
			XMLReader parser = XMLHelper.newXMLReader();
			XlsxSheet handler = new XlsxSheet(strings, reader.getStylesTable(), sink);
			parser.setContentHandler(handler);
			// a sheet that is no well-formed XML is refused, not logged as the server's
			// error
			parser.setErrorHandler(handler);
			try (InputStream sheet = sheets.next()) {
				parser.parse(new InputSource(sheet));
			}
			return true;
		}
	}

	/**
	 * Reads the first sheet of a workbook in another format (the old .xls) through POI's
	 * model; false when it has none.
	 */
	static boolean readWorkbook(byte[] file, Sink sink) throws IOException {
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
			if (workbook.getNumberOfSheets() == 0) {
				return false;
			}
			DataFormatter format = new DataFormatter();
			for (Row row : workbook.getSheetAt(0)) {
				SortedMap<Integer, LedgerCell> cells = new TreeMap<>();
				for (Cell cell : row) {
					if (sink.wants(row.getRowNum(), cell.getColumnIndex())) {
						cells.put(cell.getColumnIndex(), cell(cell, format));
					}
				}
				sink.row(row.getRowNum(), cells);
			}
			return true;
		}
	}

	private static LedgerCell cell(Cell cell, DataFormatter format) {
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		String text;
		if (cell.getCellType() != CellType.FORMULA) {
			text = format.formatCellValue(cell);
		}
		else {
			text = switch (type) {
				case NUMERIC -> format.formatRawCellContents(cell.getNumericCellValue(),
						cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
				case STRING -> cell.getStringCellValue();
				case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
				default -> "";
			};
		}
		if (type == CellType.NUMERIC) {
			return new LedgerCell(text, cell.getNumericCellValue(), DateUtil.isCellDateFormatted(cell));
		}
		return LedgerCell.text(text);
	}

	/**
	 * The cells of a sheet's XML as they pass: shared strings looked up, inline strings
	 * joined (without their phonetic runs), numbers formatted by their style as Excel
	 * shows them, formulas by their cached result.
	 */
	private static final class XlsxSheet extends DefaultHandler {

		private static final String GENERAL = "General";

		private final SharedStrings strings;

		private final StylesTable styles;

		private final DataFormatter format = new DataFormatter();

		private final Sink sink;

		private final StringBuilder value = new StringBuilder(64);

		private SortedMap<Integer, LedgerCell> cells;

		private int row;

		private int nextRow;

		private int column;

		private int nextColumn;

		private String type;

		private String style;

		private boolean formula;

		private boolean hasValue;

		private boolean inValue;

		private boolean inInline;

		private boolean inPhonetic;

		XlsxSheet(SharedStrings strings, StylesTable styles, Sink sink) {
			this.strings = strings;
			this.styles = styles;
			this.sink = sink;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			if (!XSSFRelation.NS_SPREADSHEETML.equals(uri)) {
				return;
			}
			switch (localName) {
				case "row" -> {
					String number = attributes.getValue("r");
					this.row = (number != null) ? Integer.parseInt(number) - 1 : this.nextRow;
					this.cells = new TreeMap<>();
					this.nextColumn = 0;
				}
				case "c" -> {
					String reference = attributes.getValue("r");
					this.column = (reference != null) ? new CellReference(reference).getCol() : this.nextColumn;
					this.type = attributes.getValue("t");
					this.style = attributes.getValue("s");
					this.formula = false;
					this.hasValue = false;
					this.value.setLength(0);
				}
				case "f" -> this.formula = true;
				case "v" -> {
					this.value.setLength(0);
					this.inValue = true;
				}
				case "is" -> this.inInline = true;
				case "rPh" -> this.inPhonetic = true;
				case "t" -> this.inValue = this.inInline && !this.inPhonetic;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (this.inValue) {
				this.value.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			if (!XSSFRelation.NS_SPREADSHEETML.equals(uri)) {
				return;
			}
			switch (localName) {
				case "v", "t" -> {
					this.hasValue |= this.inValue;
					this.inValue = false;
				}
				case "is" -> this.inInline = false;
				case "rPh" -> this.inPhonetic = false;
				case "c" -> {
					if (this.hasValue && this.cells != null && this.sink.wants(this.row, this.column)) {
						this.cells.put(this.column, cell());
					}
					this.nextColumn = this.column + 1;
				}
				case "row" -> {
					if (this.cells != null) {
						this.sink.row(this.row, this.cells);
					}
					this.cells = null;
					this.nextRow = this.row + 1;
				}
				default -> {
				}
			}
		}

		/** The cell just read, as the workbook model would show it. */
		private LedgerCell cell() {
			String raw = this.value.toString();
			String kind = (this.type != null) ? this.type : "n";
			return switch (kind) {
				case "s" -> LedgerCell
					.text(raw.isBlank() ? "" : this.strings.getItemAt(Integer.parseInt(raw.strip())).getString());
				case "inlineStr" -> LedgerCell.text(new XSSFRichTextString(raw).getString());
				case "b" -> LedgerCell
					.text(this.formula ? String.valueOf("1".equals(raw)) : ("1".equals(raw) ? "TRUE" : "FALSE"));
				case "e" -> LedgerCell.text(this.formula ? "" : raw);
				case "n" -> number(raw);
				// "str", a formula's text result; "d", a date written as text
				default -> LedgerCell.text(new XSSFRichTextString(raw).getString());
			};
		}

		private LedgerCell number(String raw) {
			if (raw.isBlank()) {
				return LedgerCell.text("");
			}
			double number = Double.parseDouble(raw);
			XSSFCellStyle cellStyle = null;
			if (this.styles != null && this.styles.getNumCellStyles() > 0) {
				int index = (this.style != null) ? Integer.parseInt(this.style) : 0;
				cellStyle = (index >= 0 && index < this.styles.getNumCellStyles()) ? this.styles.getStyleAt(index)
						: null;
			}
			short formatIndex = (cellStyle != null) ? cellStyle.getDataFormat() : 0;
			String formatString = (cellStyle != null) ? cellStyle.getDataFormatString() : null;
			if (formatString == null) {
				formatString = BuiltinFormats.getBuiltinFormat(formatIndex);
			}
			if (formatString == null) {
				formatString = GENERAL;
			}
			return new LedgerCell(this.format.formatRawCellContents(number, formatIndex, formatString), number,
					DateUtil.isValidExcelDate(number) && DateUtil.isADateFormat(formatIndex, formatString));
		}

	}

}
