package org.rectifyflow.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectifyflow.clue.Clue;

/**
 * The clue register (问题线索登记) as an Excel sheet. Numbers, channels, categories, units,
 * states and dates only: never the reporter, the person concerned or the content.
 */
final class ClueWorkbook {

	static final List<String> HEADERS = List.of("序号", "线索编号", "举报渠道", "问题类别", "被反映单位", "办理状态", "办理通道", "处置方式", "受理时间",
			"办理期限", "是否超期", "办结时间");

	private static final int[] WIDTHS = { 6, 18, 16, 20, 16, 22, 20, 12, 18, 18, 10, 18 };

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ClueWorkbook() {
	}

	static byte[] build(List<Clue> clues, Map<String, String> unitNames, ZoneId zone) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			LedgerWorkbook.Styles styles = new LedgerWorkbook.Styles(workbook);
			Sheet sheet = workbook.createSheet("问题线索");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				header.createCell(i).setCellValue(HEADERS.get(i));
				header.getCell(i).setCellStyle(styles.header);
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
			}
			int rowNo = 1;
			for (Clue clue : clues) {
				Row row = sheet.createRow(rowNo);
				boolean late = clue.isOverdue();
				String[] values = { String.valueOf(rowNo), clue.getNumber(), clue.getChannel().label(),
						clue.getCategory().label(),
						unitNames.getOrDefault(clue.getSubjectUnitCode(), clue.getSubjectUnitCode()),
						clue.getStatus().label(), (clue.getRoute() != null) ? routeLabel(clue.getRoute().name()) : "",
						(clue.getDisposal() != null) ? clue.getDisposal().label() : "",
						format(clue.getReceivedAt(), zone), format(clue.getDeadlineAt(), zone), late ? "是" : "否",
						format(clue.getClosedAt(), zone) };
				for (int i = 0; i < values.length; i++) {
					var cell = row.createCell(i);
					if (i == 0) {
						cell.setCellValue(rowNo);
					}
					else {
						cell.setCellValue(values[i]);
					}
					cell.setCellStyle(late ? styles.overdue : styles.body);
				}
				rowNo++;
			}
			sheet.createFreezePane(0, 1);
			sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rowNo - 1, 0), 0, HEADERS.size() - 1));
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

	private static String format(OffsetDateTime at, ZoneId zone) {
		return (at != null) ? at.atZoneSameInstant(zone).format(DATE_TIME) : "";
	}

}
