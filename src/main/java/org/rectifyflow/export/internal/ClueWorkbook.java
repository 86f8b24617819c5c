package org.rectifyflow.export.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.document.OfficialText;

/**
 * The clue register (问题线索登记表) as an Excel sheet that prints like the ledger: title row,
 * A4 landscape fitted to the page width, header rows repeated, row heights from the
 * wrapped text, dates without time, overdue rows tinted with a legend. Numbers, channels,
 * categories, units, states and dates only: never the reporter, the person concerned or
 * the content.
 */
final class ClueWorkbook {

	static final List<String> HEADERS = List.of("序号", "线索编号", "举报渠道", "问题类别", "被反映单位", "办理状态", "办理通道", "处置方式", "受理日期",
			"办理期限", "是否超期", "办结日期");

	private static final int[] WIDTHS = { 3, 8, 5, 8, 8, 6, 9, 5, 6, 6, 4, 6 };

	private ClueWorkbook() {
	}

	static byte[] build(String title, LocalDate date, List<Clue> clues, Map<String, String> unitNames, ZoneId zone) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			LedgerWorkbook.Styles styles = new LedgerWorkbook.Styles(workbook);
			Sheet sheet = workbook.createSheet("问题线索");
			LedgerWorkbook.titleRows(sheet, title, "全部整治期间", date, HEADERS.size(), styles);
			sheet.getRow(1).getCell(0).setCellValue("导出日期：" + OfficialText.date(date));
			int headerRow = LedgerWorkbook.HEADER_ROW;
			LedgerWorkbook.header(sheet, HEADERS, WIDTHS, styles);
			int r = headerRow + 1;
			boolean anyOverdue = false;
			for (Clue clue : clues) {
				Row row = sheet.createRow(r);
				boolean late = clue.isOverdue();
				anyOverdue |= late;
				Object[] values = { r - headerRow, clue.getNumber(), clue.getChannel().label(),
						clue.getCategory().label(),
						unitNames.getOrDefault(clue.getSubjectUnitCode(), clue.getSubjectUnitCode()),
						clue.getStatus().label(), (clue.getRoute() != null) ? routeLabel(clue.getRoute().name()) : "",
						(clue.getDisposal() != null) ? clue.getDisposal().label() : "", day(clue.getReceivedAt(), zone),
						day(clue.getDeadlineAt(), zone), late ? "是" : "否", day(clue.getClosedAt(), zone) };
				LedgerWorkbook.cells(row, values, WIDTHS, late, styles);
				r++;
			}
			if (anyOverdue) {
				LedgerWorkbook.legend(sheet, r + 1, "底色标注的行为超过办理期限尚未办结的线索（是否超期为「是」）。", styles);
			}
			sheet.createFreezePane(0, headerRow + 1);
			sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(r - 1, headerRow), 0, HEADERS.size() - 1));
			sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
			LedgerWorkbook.print(sheet, 0);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String routeLabel(String route) {
		return "GREEN".equals(route) ? "快查快结（绿色通道）" : "限期办结";
	}

	private static LocalDate day(OffsetDateTime at, ZoneId zone) {
		return (at != null) ? at.atZoneSameInstant(zone).toLocalDate() : null;
	}

}
