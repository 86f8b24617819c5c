package org.rectifyflow.recommendation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import org.springframework.stereotype.Component;

/**
 * The recommendation letter as a Word document (.docx, Apache POI), in the usual layout
 * of such letters: title, document number (文号), addressee, the problems and the clues or
 * problems they rest on, what must be done, the reply deadline, and the signature block.
 */
@Component
class LetterDocument {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

	private static final String FONT = "仿宋";

	private static final String TITLE_FONT = "方正小标宋简体";

	/**
	 * @param letter an issued letter
	 * @param unitName the unit's name
	 * @return the .docx bytes
	 */
	byte[] render(RecommendationLetter letter, String unitName) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			paragraph(document, ParagraphAlignment.CENTER, TITLE_FONT, 22, true, letter.getKind().title());
			paragraph(document, ParagraphAlignment.CENTER, FONT, 16, false, letter.getDocNumber());
			paragraph(document, ParagraphAlignment.LEFT, FONT, 16, false, unitName + "：");
			body(document, "派驻纪检组在监督检查中发现，你单位存在以下区域性、行业性、系统性问题：");
			for (String line : letter.getProblems().split("\\R")) {
				if (!line.isBlank()) {
					body(document, line.strip());
				}
			}
			if (letter.getBasisRefs() != null) {
				body(document, "上述问题依据的问题线索和问题：" + letter.getBasisRefs() + "。");
			}
			body(document, "为督促你单位落实主体责任，深入开展整治，根据有关规定，现提出如下建议：");
			for (String line : letter.getRequirements().split("\\R")) {
				if (!line.isBlank()) {
					body(document, line.strip());
				}
			}
			body(document, "请你单位认真研究落实，于" + DATE.format(letter.getReplyDeadline()) + "前（" + letter.getReplyWorkingDays()
					+ "个工作日内）将整改措施和整改成效书面回复派驻纪检组，并附相关佐证材料。");
			paragraph(document, ParagraphAlignment.RIGHT, FONT, 16, false, "派驻纪检组");
			paragraph(document, ParagraphAlignment.RIGHT, FONT, 16, false, DATE.format(letter.getIssuedAt()));
			paragraph(document, ParagraphAlignment.LEFT, FONT, 12, false,
					"（编号：" + letter.getCode() + "；送达：" + unitName + "负责人）");
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void body(XWPFDocument document, String text) {
		XWPFParagraph p = paragraph(document, ParagraphAlignment.BOTH, FONT, 16, false, text);
		p.setIndentationFirstLine(640);
	}

	private static XWPFParagraph paragraph(XWPFDocument document, ParagraphAlignment alignment, String font, int size,
			boolean bold, String text) {
		XWPFParagraph p = document.createParagraph();
		p.setAlignment(alignment);
		XWPFRun run = p.createRun();
		run.setFontFamily(font);
		run.setFontSize(size);
		run.setBold(bold);
		run.setText(text);
		return p;
	}

}
