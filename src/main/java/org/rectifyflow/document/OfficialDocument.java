package org.rectifyflow.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * A Word document in the layout of GB/T 9704-2012 (党政机关公文格式): A4 with margins of 37
 * (top), 35 (bottom), 28 (left) and 26 mm (right), a text block of 22 lines of 28
 * characters, title in 2号 小标宋, first-level headings in 3号 黑体, second-level headings in 3号
 * 楷体, body in 3号 仿宋, page numbers 「— 1 —」 in 4号 宋体 at the outer bottom corner, 主送机关, 落款
 * and 成文日期 in Arabic numerals.
 * <p>
 * Fonts carry the names Chinese office suites expect; the {@link FontTable} tells an
 * office suite without the face which to take instead. How the text itself is written
 * (dates, numbers in Chinese, no internal codes) is {@link OfficialText}.
 */
public final class OfficialDocument {

	/** 方正小标宋简体, the title face. */
	public static final String TITLE_FONT = "方正小标宋简体";

	/** 黑体, the face of first-level headings. */
	public static final String HEADING_FONT = "黑体";

	/** 楷体_GB2312, the face of second-level headings. */
	public static final String SUBHEADING_FONT = "楷体_GB2312";

	/** 仿宋_GB2312, the body face (also of tables). */
	public static final String BODY_FONT = "仿宋_GB2312";

	/** 宋体, the face of page numbers. */
	public static final String PAGE_NUMBER_FONT = "宋体";

	/** 2号. */
	public static final int SIZE_2 = 22;

	/** 3号. */
	public static final int SIZE_3 = 16;

	/** 4号. */
	public static final int SIZE_4 = 14;

	/** 22 lines in the 225 mm text block: 28.95 pt, in twentieths of a point. */
	static final int LINE_PITCH = 579;

	/**
	 * 28 characters of 3号 in the 156 mm text block: each character 0.25 pt narrower (in
	 * twentieths of a point), a pitch of 15.75 pt. A character grid (docGrid
	 * linesAndChars) would say the same, but office suites count its pitch differently.
	 */
	static final int CHARACTER_SPACING = -5;

	/** The width of the text block, 156 mm, in twips. */
	private static final long TEXT_WIDTH = mm(156);

	private static final int TWIPS_PER_CHAR_3 = SIZE_3 * 20;

	private final XWPFDocument document = new XWPFDocument();

	private OfficialDocument() {
		CTSectPr section = this.document.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(mm(210)));
		size.setH(BigInteger.valueOf(mm(297)));
		size.setOrient(STPageOrientation.PORTRAIT);
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(mm(37)));
		margins.setBottom(BigInteger.valueOf(mm(35)));
		margins.setLeft(BigInteger.valueOf(mm(28)));
		margins.setRight(BigInteger.valueOf(mm(26)));
		margins.setHeader(BigInteger.valueOf(mm(15)));
		margins.setFooter(BigInteger.valueOf(mm(23)));
		margins.setGutter(BigInteger.ZERO);
		CTDocGrid grid = section.addNewDocGrid();
		grid.setType(STDocGrid.LINES);
		grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
		defaults();
		pageNumbers();
	}

	/**
	 * @return an empty document in the layout
	 */
	public static OfficialDocument create() {
		return new OfficialDocument();
	}

	/**
	 * The title, centred in 2号 小标宋, followed by an empty line.
	 * @param text the title
	 * @return this document
	 */
	public OfficialDocument title(String text) {
		XWPFParagraph title = paragraph(ParagraphAlignment.CENTER);
		run(title, text, TITLE_FONT, SIZE_2, false);
		paragraph(ParagraphAlignment.LEFT);
		return this;
	}

	/**
	 * The document number (发文字号), centred, followed by an empty line.
	 * @param text for example 纪建〔2026〕2号
	 * @return this document
	 */
	public OfficialDocument documentNumber(String text) {
		run(paragraph(ParagraphAlignment.CENTER), text, BODY_FONT, SIZE_3, false);
		paragraph(ParagraphAlignment.LEFT);
		return this;
	}

	/**
	 * The main recipient (主送机关), flush left, with the full-width colon.
	 * @param recipient the recipient's name
	 * @return this document
	 */
	public OfficialDocument recipient(String recipient) {
		run(paragraph(ParagraphAlignment.BOTH), recipient + "：", BODY_FONT, SIZE_3, false);
		return this;
	}

	/**
	 * A first-level heading (一、) in 3号 黑体.
	 * @param text the heading
	 * @return this document
	 */
	public OfficialDocument heading(String text) {
		run(indented(), text, HEADING_FONT, SIZE_3, false);
		return this;
	}

	/**
	 * A second-level heading (（一）) in 3号 楷体.
	 * @param text the heading
	 * @return this document
	 */
	public OfficialDocument subheading(String text) {
		run(indented(), text, SUBHEADING_FONT, SIZE_3, false);
		return this;
	}

	/**
	 * A body paragraph in 3号 仿宋, first line indented by two characters.
	 * @param text the paragraph
	 * @return this document
	 */
	public OfficialDocument paragraph(String text) {
		run(indented(), text, BODY_FONT, SIZE_3, false);
		return this;
	}

	/**
	 * A body paragraph that starts with a second-level heading run in 楷体 (「（一）动员部署。」
	 * followed by the text).
	 * @param lead the heading run
	 * @param text the rest of the paragraph
	 * @return this document
	 */
	public OfficialDocument paragraph(String lead, String text) {
		XWPFParagraph paragraph = indented();
		run(paragraph, lead, SUBHEADING_FONT, SIZE_3, false);
		run(paragraph, text, BODY_FONT, SIZE_3, false);
		return this;
	}

	/**
	 * A table in the body face, 4号: the first row is the header, bold and repeated on
	 * every page; no row breaks across pages. A table without data rows is left out.
	 * @param rows the header row, then the data rows, all of the same width
	 * @return this document
	 */
	public OfficialDocument table(List<List<String>> rows) {
		if (rows.size() < 2) {
			return this;
		}
		int columns = rows.get(0).size();
		XWPFTable table = this.document.createTable(rows.size(), columns);
		table.setWidthType(TableWidthType.DXA);
		table.setWidth(String.valueOf(TEXT_WIDTH));
		// the first column (names) gets two shares of the width, the figures one each
		long[] widths = new long[columns];
		CTTblGrid grid = (table.getCTTbl().getTblGrid() != null) ? table.getCTTbl().getTblGrid()
				: table.getCTTbl().addNewTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int c = 0; c < columns; c++) {
			widths[c] = TEXT_WIDTH * ((c == 0) ? 2 : 1) / (columns + 1);
			grid.addNewGridCol().setW(BigInteger.valueOf(widths[c]));
		}
		for (int r = 0; r < rows.size(); r++) {
			XWPFTableRow row = table.getRow(r);
			CTTrPr properties = row.getCtRow().isSetTrPr() ? row.getCtRow().getTrPr() : row.getCtRow().addNewTrPr();
			properties.addNewCantSplit();
			if (r == 0) {
				properties.addNewTblHeader();
			}
			for (int c = 0; c < columns; c++) {
				XWPFTableCell cell = row.getCell(c);
				cell.setWidthType(TableWidthType.DXA);
				cell.setWidth(String.valueOf(widths[c]));
				XWPFParagraph paragraph = cell.getParagraphs().get(0);
				paragraph.setAlignment((r == 0 || c > 0) ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
				paragraph.setSpacingBefore(0);
				paragraph.setSpacingAfter(0);
				paragraph.setSpacingBetween(1.0);
				paragraph.getCTPPr().addNewSnapToGrid().setVal(false);
				run(paragraph, rows.get(r).get(c), BODY_FONT, SIZE_4, r == 0);
			}
		}
		// an empty line after the table keeps the next paragraph off its border
		paragraph(ParagraphAlignment.LEFT);
		return this;
	}

	/**
	 * The signature (落款): an empty line, the issuer centred over the date, the date
	 * (成文日期) in Arabic numerals, four characters from the right margin.
	 * @param issuer the issuing body
	 * @param date the date of the document
	 * @return this document
	 */
	public OfficialDocument signature(String issuer, LocalDate date) {
		String day = OfficialText.date(date);
		keepWithNext(paragraph(ParagraphAlignment.LEFT));
		int dateRight = 4 * TWIPS_PER_CHAR_3;
		double offset = Math.max(0, (width(day) - issuer.length()) / 2.0);
		XWPFParagraph name = paragraph(ParagraphAlignment.RIGHT);
		keepWithNext(name);
		name.setIndentationRight(dateRight + (int) Math.round(offset * TWIPS_PER_CHAR_3));
		run(name, issuer, BODY_FONT, SIZE_3, false);
		XWPFParagraph when = paragraph(ParagraphAlignment.RIGHT);
		when.setIndentationRight(dateRight);
		run(when, day, BODY_FONT, SIZE_3, false);
		return this;
	}

	/** The issuer's name never ends a page without its date. */
	private static void keepWithNext(XWPFParagraph paragraph) {
		(paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr() : paragraph.getCTP().addNewPPr()).addNewKeepNext();
	}

	/**
	 * @return the .docx bytes
	 */
	public byte[] toBytes() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			FontTable.addTo(this.document);
			this.document.write(out);
			this.document.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Defaults for text without a face or size of its own (empty lines). */
	private void defaults() {
		CTStyles styles = CTStyles.Factory.newInstance();
		CTRPr run = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
		fonts(run, BODY_FONT, "Times New Roman");
		run.addNewSz().setVal(BigInteger.valueOf(SIZE_3 * 2L));
		run.addNewSzCs().setVal(BigInteger.valueOf(SIZE_3 * 2L));
		this.document.createStyles().setStyles(styles);
	}

	private void pageNumbers() {
		this.document.setEvenAndOddHeadings(true);
		pageNumber(this.document.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
		pageNumber(this.document.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
	}

	private static void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
		XWPFParagraph paragraph = footer.createParagraph();
		paragraph.setAlignment(alignment);
		// one character from the outer edge of the text block
		if (alignment == ParagraphAlignment.RIGHT) {
			paragraph.setIndentationRight(SIZE_4 * 20);
		}
		else {
			paragraph.setIndentationLeft(SIZE_4 * 20);
		}
		run(paragraph, "— ", PAGE_NUMBER_FONT, SIZE_4, false);
		CTSimpleField field = paragraph.getCTP().addNewFldSimple();
		field.setInstr(" PAGE ");
		CTRPr properties = field.addNewR().addNewRPr();
		fonts(properties, PAGE_NUMBER_FONT, PAGE_NUMBER_FONT);
		properties.addNewSz().setVal(BigInteger.valueOf(SIZE_4 * 2L));
		properties.addNewSzCs().setVal(BigInteger.valueOf(SIZE_4 * 2L));
		field.getRArray(0).addNewT().setStringValue("1");
		run(paragraph, " —", PAGE_NUMBER_FONT, SIZE_4, false);
	}

	private XWPFParagraph indented() {
		XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH);
		paragraph.setIndentationFirstLine(2 * TWIPS_PER_CHAR_3);
		return paragraph;
	}

	private XWPFParagraph paragraph(ParagraphAlignment alignment) {
		XWPFParagraph paragraph = this.document.createParagraph();
		paragraph.setAlignment(alignment);
		paragraph.setSpacingBefore(0);
		paragraph.setSpacingAfter(0);
		paragraph.setSpacingBetween(LINE_PITCH / 20.0, LineSpacingRule.EXACT);
		return paragraph;
	}

	private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
		XWPFRun run = paragraph.createRun();
		run.setText(text);
		run.setFontSize(size);
		run.setBold(bold);
		CTRPr properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
		fonts(properties, font, PAGE_NUMBER_FONT.equals(font) ? font : "Times New Roman");
		if (size == SIZE_3) {
			properties.addNewSpacing().setVal(BigInteger.valueOf(CHARACTER_SPACING));
		}
	}

	private static void fonts(CTRPr properties, String eastAsia, String latin) {
		CTFonts fonts = (properties.sizeOfRFontsArray() > 0) ? properties.getRFontsArray(0) : properties.addNewRFonts();
		fonts.setEastAsia(eastAsia);
		fonts.setAscii(latin);
		fonts.setHAnsi(latin);
		fonts.setCs(latin);
		properties.addNewLang().setEastAsia("zh-CN");
	}

	/** Width of a text in characters of the body face: ASCII counts half. */
	private static double width(String text) {
		return text.codePoints().mapToDouble((c) -> (c < 128) ? 0.5 : 1.0).sum();
	}

	private static long mm(double millimetres) {
		return Math.round(millimetres * 1440 / 25.4);
	}

}
