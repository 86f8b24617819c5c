package org.rectifyflow.export.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectifyflow.document.OfficialText;
import org.rectifyflow.rectification.LedgerEntry;

/**
 * The rectification ledger (整改工作台账) as an Excel workbook that prints: the 台账 sheet with
 * every entry under a title row (A4 landscape, fitted to the page width, header rows
 * repeated, row heights from the wrapped text, a Chinese face, overdue rows tinted with a
 * legend), then the 汇总 sheet with the figures per unit on one page. The layout is the one
 * the ledger import reads.
 */
public final class LedgerWorkbook {

	static final String LEDGER_SHEET = "整改台账";

	static final String SUMMARY_SHEET = "汇总";

	public static final List<String> HEADERS = List.of("序号", "单位", "问题来源", "问题类别", "问题描述", "整改措施", "责任领导", "责任人",
			"完成时限", "整改状态", "进展情况", "销号日期");

	/** Column widths in characters of the body face. */
	private static final int[] WIDTHS = { 3, 7, 4, 6, 16, 16, 4, 4, 6, 5, 10, 6 };

	private static final int[] SUMMARY_WIDTHS = { 16, 7, 7, 7, 7, 7, 7, 7 };

	/** The row of the column headers (0-based): after the title and the subtitle. */
	public static final int HEADER_ROW = 2;

	static final String FONT = "宋体";

	static final String HEADING_FONT = "黑体";

	static final short BODY_POINTS = 10;

	private static final int GB2312 = 134;

	private LedgerWorkbook() {
	}

	/** One ledger row as it prints. */
	record Line(String unit, String source, String category, String description, String measures, String leader,
			String person, LocalDate deadline, String status, String progress, LocalDate closedOn, boolean overdue) {
	}

	/**
	 * @param title the sheet title, 「××局整治形式主义官僚主义问题整改台账」
	 * @param campaign the campaign's title
	 * @param date the date of the export
	 * @param entries the ledger entries, in ledger order
	 * @param unitNames unit names by code
	 * @param people display names of users by id
	 * @param progress latest progress text by entry id
	 * @param zone the zone of the dates
	 * @return the .xlsx bytes
	 */
	static byte[] build(String title, String campaign, LocalDate date, List<LedgerEntry> entries,
			Map<String, String> unitNames, Function<String, String> people, Map<Long, String> progress, ZoneId zone) {
		List<Line> lines = entries.stream()
			.map((e) -> new Line(unitNames.getOrDefault(e.getUnitCode(), e.getUnitCode()), sourceName(e.getSource()),
					e.getCategoryName(), e.getDescription(), e.getMeasures(), people.apply(e.getResponsibleLeader()),
					people.apply(e.getResponsiblePerson()), day(e.getDeadline(), zone), statusName(e),
					progress.get(e.getId()), day(e.getClosedAt(), zone), !e.isSettled() && e.isOverdue()))
			.toList();
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			ledger(workbook, title, campaign, date, lines, styles);
			summary(workbook, title, campaign, date, lines, styles);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The 整改状态 of an entry: 整改中, 待验收, 已销号, 已结转 or 超期. */
	static String statusName(LedgerEntry entry) {
		return switch (entry.getStatus()) {
			case CLOSED -> "已销号";
			case CARRIED_OVER -> "已结转";
			default ->
				entry.isOverdue() ? "超期" : (entry.getStatus() == LedgerEntry.Status.CLOSURE_REQUESTED) ? "待验收" : "整改中";
		};
	}

	/** The 问题来源 of an entry's source. */
	static String sourceName(String source) {
		if (source == null) {
			return "";
		}
		return switch (source) {
			case "SELF_INSPECTION" -> "自查";
			case "CROSS_INSPECTION" -> "互查";
			case "REVIEW" -> "全面剖析";
			case "CLUE" -> "问题线索";
			case "INSPECTION" -> "明察暗访";
			default -> source;
		};
	}

	private static void ledger(XSSFWorkbook workbook, String title, String campaign, LocalDate date, List<Line> lines,
			Styles styles) {
		Sheet sheet = workbook.createSheet(LEDGER_SHEET);
		titleRows(sheet, title, campaign, date, HEADERS.size(), styles);
		header(sheet, HEADERS, WIDTHS, styles);
		int r = HEADER_ROW + 1;
		boolean anyOverdue = false;
		for (Line line : lines) {
			Row row = sheet.createRow(r);
			anyOverdue |= line.overdue();
			Object[] values = { r - HEADER_ROW, line.unit(), line.source(), line.category(), line.description(),
					line.measures(), line.leader(), line.person(), line.deadline(), line.status(), line.progress(),
					line.closedOn() };
			cells(row, values, WIDTHS, line.overdue(), styles);
			r++;
		}
		if (anyOverdue) {
			legend(sheet, r + 1, "底色标注的行为超过完成时限尚未销号的事项（整改状态为「超期」）。", styles);
		}
		sheet.createFreezePane(0, HEADER_ROW + 1);
		sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(r - 1, HEADER_ROW), 0, HEADERS.size() - 1));
		sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
		print(sheet, 0);
	}

	private static void summary(XSSFWorkbook workbook, String title, String campaign, LocalDate date, List<Line> lines,
			Styles styles) {
		List<String> headers = List.of("单位", "台账事项", "整改中", "待验收", "超期", "已销号", "已结转", "销号率");
		Sheet sheet = workbook.createSheet(SUMMARY_SHEET);
		titleRows(sheet, title.replaceAll("台账$", "情况汇总表"), campaign, date, headers.size(), styles);
		header(sheet, headers, SUMMARY_WIDTHS, styles);
		Map<String, List<Line>> byUnit = lines.stream()
			.collect(Collectors.groupingBy(Line::unit, TreeMap::new, Collectors.toList()));
		List<List<Line>> groups = new ArrayList<>(byUnit.values());
		groups.add(lines);
		int r = HEADER_ROW + 1;
		for (List<Line> group : groups) {
			Row row = sheet.createRow(r++);
			row.setHeightInPoints(rowHeight(1));
			boolean total = group == lines;
			long closed = count(group, "已销号");
			Object[] values = { total ? "合计" : group.get(0).unit(), group.size(), count(group, "整改中"),
					count(group, "待验收"), count(group, "超期"), closed, count(group, "已结转"),
					group.isEmpty() ? "—" : String.format("%.1f%%", 100.0 * closed / group.size()) };
			for (int i = 0; i < values.length; i++) {
				Cell cell = row.createCell(i);
				if (values[i] instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else {
					cell.setCellValue(values[i].toString());
				}
				cell.setCellStyle((i == 0) ? styles.body : styles.centred);
			}
		}
		sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
		print(sheet, 1);
	}

	/** The header row, and the column widths (in characters of the body face). */
	static void header(Sheet sheet, List<String> headers, int[] widths, Styles styles) {
		Row header = sheet.createRow(HEADER_ROW);
		int height = 1;
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(styles.header);
			sheet.setColumnWidth(i, widths[i] * 2 * 256);
			height = Math.max(height, wrappedLines(headers.get(i), widths[i]));
		}
		header.setHeightInPoints(rowHeight(height));
	}

	/**
	 * Writes the cells of a data row (numbers centred, dates as dates, text wrapped) and
	 * sets the row's height from the text wrapped in each column.
	 */
	static void cells(Row row, Object[] values, int[] widths, boolean tinted, Styles styles) {
		int height = 1;
		for (int i = 0; i < values.length; i++) {
			Cell cell = row.createCell(i);
			if (values[i] instanceof Integer number) {
				cell.setCellValue(number);
				cell.setCellStyle(tinted ? styles.overdueCentred : styles.centred);
			}
			else if (values[i] instanceof LocalDate day) {
				cell.setCellValue(day);
				cell.setCellStyle(tinted ? styles.overdueDate : styles.date);
			}
			else {
				String text = (values[i] != null) ? values[i].toString() : "";
				cell.setCellValue(text);
				cell.setCellStyle(tinted ? styles.overdue : styles.body);
				height = Math.max(height, wrappedLines(text, widths[i]));
			}
		}
		row.setHeightInPoints(rowHeight(height));
	}

	/** The legend of the tint below the table: a tinted cell and what it means. */
	static void legend(Sheet sheet, int rowIndex, String meaning, Styles styles) {
		Row legend = sheet.createRow(rowIndex);
		legend.createCell(0).setCellStyle(styles.overdue);
		Cell text = legend.createCell(1);
		text.setCellValue(meaning);
		text.setCellStyle(styles.note);
		sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 1, 8));
	}

	private static long count(List<Line> lines, String status) {
		return lines.stream().filter((l) -> status.equals(l.status())).count();
	}

	static void titleRows(Sheet sheet, String title, String campaign, LocalDate date, int columns, Styles styles) {
		Row titleRow = sheet.createRow(0);
		titleRow.setHeightInPoints(30);
		Cell cell = titleRow.createCell(0);
		cell.setCellValue(title);
		cell.setCellStyle(styles.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
		Row sub = sheet.createRow(1);
		sub.setHeightInPoints(rowHeight(1));
		Cell subCell = sub.createCell(0);
		subCell.setCellValue("整治活动：" + campaign + "　　　　导出日期：" + OfficialText.date(date));
		subCell.setCellStyle(styles.note);
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
	}

	/**
	 * A4 landscape, every column on the page width; {@code pagesHigh} 0 lets the rows run
	 * on, 1 keeps the sheet on one page.
	 */
	static void print(Sheet sheet, int pagesHigh) {
		PrintSetup setup = sheet.getPrintSetup();
		setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
		setup.setLandscape(true);
		setup.setFitWidth((short) 1);
		setup.setFitHeight((short) pagesHigh);
		sheet.setFitToPage(true);
		sheet.setHorizontallyCenter(true);
		sheet.setMargin(Sheet.LeftMargin, 0.4);
		sheet.setMargin(Sheet.RightMargin, 0.4);
		sheet.setMargin(Sheet.TopMargin, 0.5);
		sheet.setMargin(Sheet.BottomMargin, 0.6);
		sheet.setMargin(Sheet.HeaderMargin, 0.2);
		sheet.setMargin(Sheet.FooterMargin, 0.25);
		sheet.getFooter().setCenter("第 &P 页，共 &N 页");
	}

	/**
	 * Lines a text wraps to in a column of {@code width} characters (ASCII counts half).
	 */
	static int wrappedLines(String text, int width) {
		int lines = 0;
		for (String paragraph : text.split("\\R", -1)) {
			double chars = paragraph.codePoints().mapToDouble((c) -> (c < 128) ? 0.55 : 1.0).sum();
			lines += Math.max(1, (int) Math.ceil(chars / (width - 0.5)));
		}
		return Math.max(1, lines);
	}

	static float rowHeight(int lines) {
		return lines * (BODY_POINTS + 4f) + 6f;
	}

	private static LocalDate day(OffsetDateTime at, ZoneId zone) {
		return (at != null) ? at.atZoneSameInstant(zone).toLocalDate() : null;
	}

	/** Cell styles of one workbook: a Chinese face, borders, wrapped text. */
	static final class Styles {

		final CellStyle title;

		final CellStyle note;

		final CellStyle header;

		final CellStyle body;

		final CellStyle centred;

		final CellStyle date;

		final CellStyle overdue;

		final CellStyle overdueCentred;

		final CellStyle overdueDate;

		Styles(XSSFWorkbook workbook) {
			Font titleFont = font(workbook, HEADING_FONT, (short) 16, false);
			Font headerFont = font(workbook, HEADING_FONT, BODY_POINTS, true);
			Font bodyFont = font(workbook, FONT, BODY_POINTS, false);
			this.title = workbook.createCellStyle();
			this.title.setFont(titleFont);
			this.title.setAlignment(HorizontalAlignment.CENTER);
			this.title.setVerticalAlignment(VerticalAlignment.CENTER);
			this.note = workbook.createCellStyle();
			this.note.setFont(bodyFont);
			this.note.setVerticalAlignment(VerticalAlignment.CENTER);
			this.header = workbook.createCellStyle();
			this.header.setFont(headerFont);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.header.setVerticalAlignment(VerticalAlignment.CENTER);
			this.header.setWrapText(true);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			borders(this.header);
			this.body = workbook.createCellStyle();
			this.body.setFont(bodyFont);
			this.body.setWrapText(true);
			this.body.setVerticalAlignment(VerticalAlignment.CENTER);
			borders(this.body);
			this.centred = workbook.createCellStyle();
			this.centred.cloneStyleFrom(this.body);
			this.centred.setAlignment(HorizontalAlignment.CENTER);
			this.date = workbook.createCellStyle();
			this.date.cloneStyleFrom(this.centred);
			this.date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			this.overdue = tinted(workbook, this.body);
			this.overdueCentred = tinted(workbook, this.centred);
			this.overdueDate = tinted(workbook, this.date);
		}

		private static CellStyle tinted(XSSFWorkbook workbook, CellStyle base) {
			CellStyle style = workbook.createCellStyle();
			style.cloneStyleFrom(base);
			style.setFillForegroundColor(IndexedColors.ROSE.getIndex());
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			return style;
		}

		private static Font font(XSSFWorkbook workbook, String name, short points, boolean bold) {
			Font font = workbook.createFont();
			font.setFontName(name);
			font.setFontHeightInPoints(points);
			font.setBold(bold);
			// GB2312 (134): office suites without the face pick a Chinese one
			font.setCharSet(GB2312);
			return font;
		}

		private static void borders(CellStyle style) {
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
		}

	}

}
