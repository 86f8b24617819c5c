package org.rectifyflow.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Writes the 整治工作情况报告 as a Word document: title, then per section its heading, the
 * paragraphs generated from data, its tables and the narrative paragraph of the chosen
 * version.
 */
final class CampaignReportDocument {

	private CampaignReportDocument() {
	}

	/** A section's content generated from data. */
	record Generated(List<String> paragraphs, List<List<List<String>>> tables) {
	}

	static byte[] build(String title, String subtitle, Map<ReportSection, Generated> generated,
			Map<String, String> narrative) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph heading = document.createParagraph();
			heading.setAlignment(ParagraphAlignment.CENTER);
			run(heading, title, true, 18);
			XWPFParagraph sub = document.createParagraph();
			sub.setAlignment(ParagraphAlignment.CENTER);
			run(sub, subtitle, false, 11);
			for (ReportSection section : ReportSection.values()) {
				run(document.createParagraph(), section.heading(), true, 14);
				Generated content = generated.get(section);
				if (content != null) {
					for (String text : content.paragraphs()) {
						paragraph(document, text);
					}
					for (List<List<String>> rows : content.tables()) {
						table(document, rows);
					}
				}
				String text = narrative.get(section.key());
				if (text != null && !text.isBlank()) {
					for (String line : text.split("\\R")) {
						if (!line.isBlank()) {
							paragraph(document, line.strip());
						}
					}
				}
				else if (section == ReportSection.NEXT_STEPS) {
					paragraph(document, "（待整治办补充。）");
				}
			}
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void paragraph(XWPFDocument document, String text) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setIndentationFirstLine(560);
		run(paragraph, text, false, 12);
	}

	private static void table(XWPFDocument document, List<List<String>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		int columns = rows.get(0).size();
		XWPFTable table = document.createTable(rows.size(), columns);
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < columns; c++) {
				table.getRow(r).getCell(c).setText(rows.get(r).get(c));
			}
		}
		document.createParagraph();
	}

	private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
		XWPFRun run = paragraph.createRun();
		run.setText(text);
		run.setBold(bold);
		run.setFontSize(size);
		run.setFontFamily("宋体");
	}

}
