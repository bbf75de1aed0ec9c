package dev.luoshi.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.luoshi.test.Choices;

/**
 * Files no one should upload: random bytes, cut-off workbooks, zip bombs, workbooks whose
 * sheet is huge or holds entities, ledgers with nonsense in their cells, and file names
 * that climb out of directories. The expensive ones are made once.
 */
final class HostileFiles {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String SHEET_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

	private static final String SHEET_TAIL = "</sheetData></worksheet>";

	/** The headings of each kind of ledger, as the imports look for them. */
	static final List<List<String>> LEDGER_HEADINGS = List.of(List.of("序号", "重点工作", "牵头单位", "配合单位", "完成时限", "目标"),
			List.of("项目编号", "项目名称", "项目类别", "所属指挥部", "牵头单位", "责任领导", "建设地点", "总投资", "开工时间", "计划竣工", "建设阶段", "是否入库",
					"年度计划投资", "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"),
			List.of("项目编号", "项目名称", "本月完成投资", "进展情况"), List.of("指标编码", "地区", "期间", "目标值", "实际值", "同比增长%"));

	static final List<String> FILE_NAMES = List.of("台账.xlsx", "../../etc/passwd", "..\\..\\windows\\win.ini",
			"/etc/shadow", "a\u0000.xlsx", FuzzWorld.XSS + ".png", "x".repeat(1000) + ".pdf",
			"名单\r\nX-Injected: 1.xlsx", "", ".", "..", "CON.xlsx", "%2e%2e%2fetc%2fpasswd", "a\"b.xlsx",
			"\u202Egnp.exe", "..%c0%af..%c0%afetc");

	static final List<String> CONTENT_TYPES = List.of(XLSX, "application/octet-stream", "image/png", "image/jpeg",
			"application/pdf", "text/plain", "application/json", "application/vnd.ms-excel", "text/html", "x/y/z",
			"garbage", "image/svg+xml");

	static final List<String> CELLS = List.of("", FuzzWorld.XSS, "2026-13-40", "2026-02-30", "2026Q5", "abc", "-1",
			"1e309", "99999999999999999999999", "-9223372036854775809", "0.001", "6月底前", "三季度末", "长期坚持", "=1+1",
			"=HYPERLINK(\"http://evil\")", "区住建局", "1.1", "1.1.1.1.1.1.1", "一、", "（一）", "\u0000", "\uD83D\uDE00", "万元",
			"1,000,000", "１２３", " ", "2026", "2026年一季度", "2026年13月", "GDP", "INDUSTRY", "前期", "是", "否");

	private static byte[] zipBombDeclared;

	private static byte[] zipBombHidden;

	private static byte[] hugeSheet;

	private HostileFiles() {
	}

	/** A file to upload: its name, declared type and content, and what it is. */
	record Upload(String what, String name, String contentType, byte[] content) {
	}

	/** Any kind of hostile or broken upload, chosen. */
	static Upload any(Choices choices) {
		String name = choices.chance(0.6) ? choices.pick("台账.xlsx", "证明.pdf", "现场.png", "holidays.json")
				: choices.pick(FILE_NAMES);
		String type = choices.chance(0.5) ? choices.pick(XLSX, "application/pdf", "image/png", "application/json")
				: choices.pick(CONTENT_TYPES);
		// the heavy ones (megabytes on the wire, or unpacking) are few but always there
		int kind = choices.chance(0.04) ? choices.between(8, 11) : choices.pick(0, 1, 2, 3, 4, 5, 6, 7, 12, 13);
		return switch (kind) {
			case 0 -> new Upload("empty", name, type, new byte[0]);
			case 1 -> new Upload("random bytes", name, type, random(choices, choices.between(1, 4096)));
			case 2 -> new Upload("cut-off workbook", name, type, truncated(choices));
			case 3 -> new Upload("ledger with nonsense cells", name, type, ledger(choices));
			case 4 -> new Upload("magic number then garbage", name, type, magic(choices));
			case 5 -> new Upload("calendar file", name, type, calendar(choices));
			case 6 -> new Upload("entity expansion", name, type, entities(choices));
			case 7 -> new Upload("deeply nested sheet", name, type, workbook(SHEET_HEAD + "<row r=\"1\">"
					+ "<x>".repeat(50_000) + "</x>".repeat(50_000) + "</row>" + SHEET_TAIL));
			case 8 -> new Upload("zip bomb with its sizes declared", name, XLSX, zipBomb(true));
			case 9 -> new Upload("zip bomb with its sizes hidden", name, XLSX, zipBomb(false));
			case 10 -> new Upload("sheet unpacking past the limit", name, XLSX, hugeSheet());
			case 11 -> new Upload("workbook with a huge cell", name, type,
					workbook(SHEET_HEAD + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "任".repeat(2_000_000)
							+ "</t></is></c></row>" + SHEET_TAIL));
			case 12 -> new Upload("cells at the sheet's edge", name, type,
					workbook(SHEET_HEAD + "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1e309</v></c></row>"
							+ "<row r=\"2147483647\"><c r=\"A2147483647\" t=\"s\"><v>99</v></c></row>" + SHEET_TAIL));
			default -> new Upload("plain ledger", name, type, ledger(choices));
		};
	}

	static byte[] random(Choices choices, int length) {
		byte[] bytes = new byte[length];
		new SplittableRandom(choices.below(Integer.MAX_VALUE)).nextBytes(bytes);
		return bytes;
	}

	/**
	 * A ledger of one of the four kinds with chosen cells, some of them nonsense: a title
	 * row, the headings, then the rows, written as a sheet of inline strings and numbers.
	 */
	static byte[] ledger(Choices choices) {
		List<String> headings = new ArrayList<>(choices.pick(LEDGER_HEADINGS));
		if (choices.chance(0.2)) {
			headings.set(choices.below(headings.size()), choices.pick(CELLS));
		}
		int rows = choices.chance(0.05) ? choices.between(200, 2000) : choices.between(0, 6);
		// the cells of a long ledger come from one choice, so that its record stays short
		SplittableRandom many = (rows > 6) ? new SplittableRandom(choices.below(Integer.MAX_VALUE)) : null;
		StringBuilder sheet = new StringBuilder(SHEET_HEAD);
		row(sheet, 1, List.of(FuzzWorld.XSS));
		row(sheet, 2, headings);
		for (int r = 0; r < rows; r++) {
			List<String> line = new ArrayList<>();
			for (int c = 0; c < headings.size(); c++) {
				line.add((many != null) ? CELLS.get(many.nextInt(CELLS.size()))
						: choices.chance(0.7) ? choices.pick(CELLS) : "x".repeat(choices.pick(1, 200, 32767)));
			}
			row(sheet, r + 3, line);
		}
		return workbook(sheet.append(SHEET_TAIL).toString());
	}

	/** A row of cells: numbers as numbers, the rest as inline strings. */
	private static void row(StringBuilder sheet, int number, List<String> cells) {
		sheet.append("<row r=\"").append(number).append("\">");
		for (int c = 0; c < cells.size(); c++) {
			String reference = (char) ('A' + c % 26) + (c >= 26 ? "A" : "") + number;
			String value = cells.get(c);
			if (value.matches("-?\\d{1,15}(\\.\\d+)?")) {
				sheet.append("<c r=\"").append(reference).append("\"><v>").append(value).append("</v></c>");
			}
			else {
				sheet.append("<c r=\"")
					.append(reference)
					.append("\" t=\"inlineStr\"><is><t>")
					.append(value.replace("&", "&amp;").replace("<", "&lt;").replace("\u0000", ""))
					.append("</t></is></c>");
			}
		}
		sheet.append("</row>");
	}

	private static byte[] truncated(Choices choices) {
		byte[] whole = ledger(choices);
		return Arrays.copyOf(whole, choices.below(whole.length));
	}

	private static byte[] magic(Choices choices) {
		byte[] head = choices.pick(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF },
				new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' },
				"%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), new byte[] { 'P', 'K', 3, 4 },
				new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 },
				"<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII));
		byte[] tail = random(choices, choices.between(0, 2048));
		byte[] file = Arrays.copyOf(head, head.length + tail.length);
		System.arraycopy(tail, 0, file, head.length, tail.length);
		return file;
	}

	/** A file in the holiday-cn format the calendar import reads, with nonsense in it. */
	private static byte[] calendar(Choices choices) {
		Object year = choices.pick(2026, 2027, "2026", -1, 99999, 2.5, null, new JsonText.Raw("1e309"));
		List<Object> days = new ArrayList<>();
		int count = choices.chance(0.05) ? 20_000 : choices.between(0, 5);
		for (int i = 0; i < count; i++) {
			days.add(java.util.Map.of("name",
					(count > 5) ? "国庆节" : choices.pick("国庆节", FuzzWorld.XSS, "x".repeat(5000)), "date",
					choices.pick("2026-10-01", "2026-13-40", "2026-02-30", "abc", "", "2026-10-03", "2027-01-01"),
					"isOffDay", choices.pick(true, false, "yes", 1)));
		}
		java.util.Map<String, Object> file = new java.util.LinkedHashMap<>();
		file.put("year", year);
		file.put("papers", List.of(FuzzWorld.XSS));
		file.put("days", choices.chance(0.1) ? "none" : days);
		String text = choices.chance(0.1) ? "[".repeat(100_000) : JsonText.write(file);
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] entities(Choices choices) {
		String doctype = choices.chance(0.5) ? "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				: "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
						+ "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
						+ "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>";
		String entity = choices.chance(0.5) ? "&e;" : "&e;&e;&e;&e;&e;&e;&e;&e;";
		return workbook("<?xml version=\"1.0\"?>" + doctype
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + entity + "</t></is></c></row>" + SHEET_TAIL);
	}

	/** The parts of a minimal workbook around the given sheet. */
	static byte[] workbook(String sheet) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
			entry(zip, "[Content_Types].xml",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
							+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
							+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
							+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
							+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
			entry(zip, "_rels/.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
			entry(zip, "xl/workbook.xml",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
							+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
			entry(zip, "xl/worksheets/sheet1.xml", sheet);
			zip.finish();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	/**
	 * A zip of a few megabytes whose one sheet inflates to two gigabytes of zeros:
	 * {@code declared} says so in its headers, else the sizes are left to a trailing
	 * descriptor and only unpacking finds out.
	 */
	static synchronized byte[] zipBomb(boolean declared) {
		if (declared && zipBombDeclared != null) {
			return zipBombDeclared;
		}
		if (!declared && zipBombHidden != null) {
			return zipBombHidden;
		}
		int megabytes = 2048;
		byte[] zeros = new byte[1 << 20];
		Deflater deflater = new Deflater(9, true);
		byte[] first = flush(deflater, zeros);
		byte[] next = flush(deflater, zeros);
		byte[] last = finish(deflater);
		deflater.end();
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.writeBytes(first);
		for (int i = 1; i < megabytes; i++) {
			data.writeBytes(next);
		}
		data.writeBytes(last);
		CRC32 crc = new CRC32();
		for (int i = 0; i < megabytes; i++) {
			crc.update(zeros);
		}
		byte[] zip = zip("xl/worksheets/sheet1.xml", data.toByteArray(), crc.getValue(), (long) megabytes << 20,
				declared);
		if (declared) {
			zipBombDeclared = zip;
		}
		else {
			zipBombHidden = zip;
		}
		return zip;
	}

	/** Deflates the input and flushes, so that what follows starts on a byte boundary. */
	private static byte[] flush(Deflater deflater, byte[] input) {
		deflater.setInput(input);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[1 << 16];
		int n;
		do {
			n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
			out.write(buffer, 0, n);
		}
		while (n == buffer.length);
		return out.toByteArray();
	}

	private static byte[] finish(Deflater deflater) {
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[1 << 16];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		return out.toByteArray();
	}

	/** A zip of one deflated entry, written by hand so that its sizes can lie. */
	private static byte[] zip(String name, byte[] data, long crc, long size, boolean declared) {
		byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
		int flags = declared ? 0 : 8;
		ByteBuffer out = ByteBuffer.allocate(data.length + 200).order(ByteOrder.LITTLE_ENDIAN);
		out.putInt(0x04034b50)
			.putShort((short) 20)
			.putShort((short) flags)
			.putShort((short) 8)
			.putShort((short) 0)
			.putShort((short) 0x21);
		out.putInt(declared ? (int) crc : 0).putInt(declared ? data.length : 0).putInt(declared ? (int) size : 0);
		out.putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes).put(data);
		if (!declared) {
			out.putInt(0x08074b50).putInt((int) crc).putInt(data.length).putInt((int) size);
		}
		int central = out.position();
		out.putInt(0x02014b50)
			.putShort((short) 20)
			.putShort((short) 20)
			.putShort((short) flags)
			.putShort((short) 8)
			.putShort((short) 0)
			.putShort((short) 0x21)
			.putInt((int) crc)
			.putInt(data.length)
			.putInt((int) size);
		out.putShort((short) nameBytes.length)
			.putShort((short) 0)
			.putShort((short) 0)
			.putShort((short) 0)
			.putShort((short) 0)
			.putInt(0)
			.putInt(0)
			.put(nameBytes);
		int centralSize = out.position() - central;
		out.putInt(0x06054b50)
			.putShort((short) 0)
			.putShort((short) 0)
			.putShort((short) 1)
			.putShort((short) 1)
			.putInt(centralSize)
			.putInt(central)
			.putShort((short) 0);
		return Arrays.copyOf(out.array(), out.position());
	}

	/**
	 * A workbook of a few megabytes whose sheet unpacks to 72 MB of rows: packed less
	 * than tenfold, so only the limit on the unpacked size stops it.
	 */
	static synchronized byte[] hugeSheet() {
		if (hugeSheet == null) {
			SplittableRandom random = new SplittableRandom(7);
			StringBuilder block = new StringBuilder();
			for (int r = 0; block.length() < (1 << 20); r++) {
				block.append("<row r=\"")
					.append(r + 1)
					.append("\"><c r=\"A")
					.append(r + 1)
					.append("\"><v>")
					.append(random.nextInt(1_000))
					.append("</v></c></row>");
			}
			try (ByteArrayOutputStream out = new ByteArrayOutputStream();
					ZipOutputStream zip = new ZipOutputStream(out)) {
				zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
				zip.write(SHEET_HEAD.getBytes(StandardCharsets.UTF_8));
				byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
				for (int i = 0; i < 72; i++) {
					zip.write(bytes);
				}
				zip.write(SHEET_TAIL.getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
				zip.finish();
				hugeSheet = out.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return hugeSheet;
	}

}
