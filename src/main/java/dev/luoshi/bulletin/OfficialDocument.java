package dev.luoshi.bulletin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A document in the layout of GB/T 9704-2012 (党政机关公文格式): A4 with margins of 37 mm top, 35
 * mm bottom, 28 mm left and 26 mm right; the issuing office's name in red 小标宋 with the
 * document number under it and a red line; the title in 2号 小标宋; the body in 3号 仿宋, 22
 * lines of 28 characters; headings 一、 in 黑体 and （一） in 楷体; page numbers "— 1 —" in 4号 宋体,
 * right on odd pages and left on even ones. Fonts are named, not embedded: the reader's
 * Word substitutes what it lacks.
 */
final class OfficialDocument {

	static final String TITLE_FONT = "方正小标宋简体";

	static final String BODY_FONT = "仿宋_GB2312";

	static final String HEADING_FONT = "黑体";

	static final String SUBHEADING_FONT = "楷体_GB2312";

	static final String PAGE_NUMBER_FONT = "宋体";

	static final String RED = "FF0000";

	/** Twips (1/20 pt) per millimetre. */
	private static final double TWIPS_PER_MM = 1440 / 25.4;

	/** 225 mm of text height over 22 lines. */
	private static final int LINE_PITCH = 579;

	/**
	 * 28 characters of 16 pt are 448 pt, wider than the 156 mm (442.2 pt) of text: each
	 * character gives up a quarter point.
	 */
	private static final int CHARACTER_SPACING = -5;

	private final XWPFDocument document = new XWPFDocument();

	OfficialDocument() {
		CTSectPr section = this.document.getDocument().getBody().isSetSectPr()
				? this.document.getDocument().getBody().getSectPr()
				: this.document.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
		margins.setTop(twips(37));
		margins.setBottom(twips(35));
		margins.setLeft(twips(28));
		margins.setRight(twips(26));
		margins.setHeader(twips(15));
		margins.setFooter(twips(28));
		CTDocGrid grid = section.isSetDocGrid() ? section.getDocGrid() : section.addNewDocGrid();
		grid.setType(STDocGrid.LINES);
		grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
		this.document.setEvenAndOddHeadings(true);
		pageNumbers(this.document.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
		pageNumbers(this.document.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
	}

	private static BigInteger twips(int millimetres) {
		return BigInteger.valueOf(Math.round(millimetres * TWIPS_PER_MM));
	}

	/** The issuing office's mark, the document number under it and the red line. */
	OfficialDocument masthead(String issuer, String number) {
		XWPFParagraph mark = paragraph(ParagraphAlignment.CENTER);
		mark.setSpacingBefore(LINE_PITCH);
		XWPFRun office = text(mark, issuer, TITLE_FONT, 26);
		office.setColor(RED);
		XWPFParagraph numbered = paragraph(ParagraphAlignment.CENTER);
		numbered.setSpacingBefore(LINE_PITCH);
		text(numbered, number, BODY_FONT, 16);
		numbered.setBorderBottom(Borders.SINGLE);
		numbered.getCTPPr().getPBdr().getBottom().setColor(RED);
		numbered.getCTPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(12));
		numbered.getCTPPr().getPBdr().getBottom().setSpace(BigInteger.valueOf(8));
		paragraph(ParagraphAlignment.CENTER);
		return this;
	}

	/** The title: 2号 小标宋, centred, with a blank line under it. */
	OfficialDocument title(String title) {
		XWPFParagraph paragraph = paragraph(ParagraphAlignment.CENTER);
		paragraph.setSpacingBetween(LINE_PITCH * 1.2 / 20, LineSpacingRule.EXACT);
		text(paragraph, title, TITLE_FONT, 22);
		paragraph(ParagraphAlignment.CENTER);
		return this;
	}

	/** A first-level heading, e.g. 一、本月督办情况, in 黑体. */
	OfficialDocument heading(String text) {
		text(indented(), text, HEADING_FONT, 16);
		return this;
	}

	/** A second-level heading, e.g. （一）按单位, in 楷体. */
	OfficialDocument subheading(String text) {
		text(indented(), text, SUBHEADING_FONT, 16);
		return this;
	}

	/** A body paragraph in 仿宋, its first line indented by two characters. */
	OfficialDocument paragraph(String text) {
		text(indented(), text, BODY_FONT, 16);
		return this;
	}

	/** A table in 4号 仿宋, the header row bold, as wide as the text. */
	OfficialDocument table(List<String> header, List<List<String>> rows) {
		XWPFTable table = this.document.createTable(rows.size() + 1, header.size());
		table.getCTTbl().getTblPr().getTblW().setType(STTblWidth.PCT);
		table.getCTTbl().getTblPr().getTblW().setW(BigInteger.valueOf(5000));
		fill(table.getRow(0), header, true);
		for (int i = 0; i < rows.size(); i++) {
			fill(table.getRow(i + 1), rows.get(i), false);
		}
		paragraph(ParagraphAlignment.LEFT);
		return this;
	}

	private static void fill(XWPFTableRow row, List<String> values, boolean bold) {
		for (int i = 0; i < values.size(); i++) {
			XWPFTableCell cell = row.getCell(i);
			XWPFParagraph paragraph = cell.getParagraphs().get(0);
			paragraph.setAlignment(ParagraphAlignment.CENTER);
			XWPFRun run = text(paragraph, values.get(i), BODY_FONT, 14);
			run.setBold(bold);
		}
	}

	/** The date of issue, right-aligned four characters from the edge: 2026年3月20日. */
	OfficialDocument date(LocalDate date) {
		paragraph(ParagraphAlignment.LEFT);
		XWPFParagraph paragraph = paragraph(ParagraphAlignment.RIGHT);
		paragraph.setIndentationRight(16 * 20 * 4);
		text(paragraph, written(date), BODY_FONT, 16);
		return this;
	}

	static String written(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	byte[] bytes() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			this.document.write(out);
			this.document.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private XWPFParagraph indented() {
		XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH);
		paragraph.setFirstLineIndent(16 * 20 * 2);
		return paragraph;
	}

	private XWPFParagraph paragraph(ParagraphAlignment alignment) {
		XWPFParagraph paragraph = this.document.createParagraph();
		paragraph.setAlignment(alignment);
		paragraph.setSpacingBetween(LINE_PITCH / 20.0, LineSpacingRule.EXACT);
		return paragraph;
	}

	private static XWPFRun text(XWPFParagraph paragraph, String text, String font, double points) {
		XWPFRun run = paragraph.createRun();
		run.setText(text);
		font(run, font, points);
		if (BODY_FONT.equals(font) && points == 16) {
			run.setCharacterSpacing(CHARACTER_SPACING);
		}
		return run;
	}

	private static void font(XWPFRun run, String font, double points) {
		run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
		run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontFamily(font, XWPFRun.FontCharRange.cs);
		CTFonts fonts = run.getCTR().getRPr().getRFontsArray(0);
		fonts.setHint(STHint.EAST_ASIA);
		run.setFontSize(points);
	}

	/** "— n —" with a PAGE field, in 4号 宋体, one character in from the margin. */
	private static void pageNumbers(XWPFFooter footer, ParagraphAlignment alignment) {
		XWPFParagraph paragraph = footer.createParagraph();
		paragraph.setAlignment(alignment);
		if (alignment == ParagraphAlignment.RIGHT) {
			paragraph.setIndentationRight(14 * 20);
		}
		else {
			paragraph.setIndentationLeft(14 * 20);
		}
		font(paragraph.createRun(), PAGE_NUMBER_FONT, 14);
		paragraph.getRuns().get(0).setText("— ");
		XWPFRun begin = paragraph.createRun();
		font(begin, PAGE_NUMBER_FONT, 14);
		begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		XWPFRun instruction = paragraph.createRun();
		font(instruction, PAGE_NUMBER_FONT, 14);
		instruction.getCTR().addNewInstrText().setStringValue(" PAGE ");
		XWPFRun separate = paragraph.createRun();
		font(separate, PAGE_NUMBER_FONT, 14);
		separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
		XWPFRun shown = paragraph.createRun();
		font(shown, PAGE_NUMBER_FONT, 14);
		shown.setText("1");
		XWPFRun end = paragraph.createRun();
		font(end, PAGE_NUMBER_FONT, 14);
		end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
		XWPFRun after = paragraph.createRun();
		font(after, PAGE_NUMBER_FONT, 14);
		after.setText(" —");
	}

}
