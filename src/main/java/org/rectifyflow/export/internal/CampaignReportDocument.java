package org.rectifyflow.export.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.rectifyflow.document.OfficialDocument;
import org.rectifyflow.document.OfficialText;

/**
 * Writes the 整治工作情况报告 as an official document (GB/T 9704-2012): title, 主送, the opening,
 * the sections 一 to 六 with the paragraphs generated from data, their tables and the
 * narrative of the chosen version, then the 落款 and 成文日期. Sections without content are
 * left out; no placeholder is printed.
 */
final class CampaignReportDocument {

	/** The report goes to the party group. */
	static final String RECIPIENT = "局党组";

	/** The campaign office writes it. */
	static final String ISSUER = "局整治办";

	private CampaignReportDocument() {
	}

	/** A paragraph: an optional lead in 楷体 (「（一）动员部署。」) and its text. */
	record Paragraph(String lead, String text) {

		static Paragraph of(String text) {
			return new Paragraph(null, text);
		}

	}

	/** A section's content generated from data. */
	record Generated(List<Paragraph> paragraphs, List<List<List<String>>> tables) {

		boolean isEmpty() {
			return this.paragraphs.isEmpty() && this.tables.stream().allMatch((t) -> t.size() < 2);
		}

	}

	/**
	 * @param title the title
	 * @param revision whether this is a revision made after the final version
	 * @param opening the opening paragraph
	 * @param generated the content generated per section
	 * @param narrative the narrative per section key
	 * @param date the 成文日期
	 * @return the .docx bytes
	 */
	static byte[] build(String title, boolean revision, String opening, Map<ReportSection, Generated> generated,
			Map<String, String> narrative, LocalDate date) {
		OfficialDocument document = OfficialDocument.create().title(title + (revision ? "（修订稿）" : ""));
		document.recipient(RECIPIENT);
		document.paragraph(opening);
		int number = 1;
		for (ReportSection section : ReportSection.values()) {
			Generated content = generated.getOrDefault(section, new Generated(List.of(), List.of()));
			String text = narrative.getOrDefault(section.key(), "");
			if (content.isEmpty() && text.isBlank()) {
				continue;
			}
			document.heading(OfficialText.chinese(number++) + "、" + section.title());
			for (Paragraph paragraph : content.paragraphs()) {
				if (paragraph.lead() != null) {
					document.paragraph(paragraph.lead(), paragraph.text());
				}
				else {
					document.paragraph(paragraph.text());
				}
			}
			for (List<List<String>> rows : content.tables()) {
				document.table(rows);
			}
			for (String line : text.split("\\R")) {
				if (!line.isBlank()) {
					document.paragraph(line.strip());
				}
			}
		}
		document.signature(ISSUER, date);
		return document.toBytes();
	}

}
