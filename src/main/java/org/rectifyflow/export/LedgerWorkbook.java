package org.rectifyflow.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;

/**
 * The rectification ledger (整改工作台账) as an Excel workbook: a 汇总 sheet with every entry,
 * then one sheet per unit; frozen header, auto-filter, overdue rows highlighted.
 */
final class LedgerWorkbook {

	static final List<String> HEADERS = List.of("序号", "单位", "问题类别", "问题描述", "整改措施", "责任领导", "责任人", "完成时限", "进展情况",
			"是否超期", "销号时间");

	static final String SUMMARY_SHEET = "汇总";

	private static final int[] WIDTHS = { 6, 16, 16, 50, 50, 12, 12, 18, 30, 10, 18 };

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private LedgerWorkbook() {
	}

	/**
	 * @param entries the ledger entries, in ledger order
	 * @param unitNames unit names by code
	 * @param people display names of users by id
	 * @param progress latest progress text by entry id
	 * @param zone the zone of the dates
	 * @return the .xlsx bytes
	 */
	static byte[] build(List<LedgerEntry> entries, Map<String, String> unitNames, Function<String, String> people,
			Map<Long, String> progress, ZoneId zone) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			sheet(workbook, SUMMARY_SHEET, entries, unitNames, people, progress, zone, styles);
			Map<String, List<LedgerEntry>> byUnit = new LinkedHashMap<>();
			entries.stream()
				.sorted((a, b) -> a.getUnitCode().compareTo(b.getUnitCode()))
				.forEach((e) -> byUnit.computeIfAbsent(e.getUnitCode(), (k) -> new java.util.ArrayList<>()).add(e));
			for (Map.Entry<String, List<LedgerEntry>> unit : byUnit.entrySet()) {
				String name = unitNames.getOrDefault(unit.getKey(), unit.getKey());
				sheet(workbook, WorkbookUtil.createSafeSheetName(name + "（" + unit.getKey() + "）"), unit.getValue(),
						unitNames, people, progress, zone, styles);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sheet(XSSFWorkbook workbook, String name, List<LedgerEntry> entries,
			Map<String, String> unitNames, Function<String, String> people, Map<Long, String> progress, ZoneId zone,
			Styles styles) {
		Sheet sheet = workbook.createSheet(name);
		Row header = sheet.createRow(0);
		for (int i = 0; i < HEADERS.size(); i++) {
			header.createCell(i).setCellValue(HEADERS.get(i));
			header.getCell(i).setCellStyle(styles.header);
			sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		int rowNo = 1;
		for (LedgerEntry entry : entries) {
			Row row = sheet.createRow(rowNo);
			boolean late = entry.isOverdue();
			CellStyle style = late ? styles.overdue : styles.body;
			String status = LedgerService.statusName(entry.getStatus());
			String progressText = progress.get(entry.getId());
			Object[] values = { rowNo, unitNames.getOrDefault(entry.getUnitCode(), entry.getUnitCode()),
					entry.getCategoryName(), entry.getDescription(), entry.getMeasures(),
					people.apply(entry.getResponsibleLeader()), people.apply(entry.getResponsiblePerson()),
					format(entry.getDeadline(), zone), (progressText != null) ? status + "：" + progressText : status,
					late ? "是" : "否", format(entry.getClosedAt(), zone) };
			for (int i = 0; i < values.length; i++) {
				var cell = row.createCell(i);
				if (values[i] instanceof Integer number) {
					cell.setCellValue(number);
				}
				else {
					cell.setCellValue((values[i] != null) ? values[i].toString() : "");
				}
				cell.setCellStyle(style);
			}
			rowNo++;
		}
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rowNo - 1, 0), 0, HEADERS.size() - 1));
	}

	private static String format(OffsetDateTime at, ZoneId zone) {
		return (at != null) ? at.atZoneSameInstant(zone).format(DATE_TIME) : "";
	}

	/** Cell styles of one workbook. */
	static final class Styles {

		final CellStyle header;

		final CellStyle body;

		final CellStyle overdue;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			borders(this.header);
			this.body = workbook.createCellStyle();
			this.body.setWrapText(true);
			borders(this.body);
			this.overdue = workbook.createCellStyle();
			this.overdue.cloneStyleFrom(this.body);
			this.overdue.setFillForegroundColor(IndexedColors.ROSE.getIndex());
			this.overdue.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		}

		private static void borders(CellStyle style) {
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
		}

	}

}
