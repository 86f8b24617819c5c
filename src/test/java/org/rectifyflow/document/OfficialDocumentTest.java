package org.rectifyflow.document;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfficialDocumentTest {

	private static final String STEP = "局党组组织专题学习，将上级文件、部署要求及时传达到每一位党员干部，结合实际制定印发切实可行的深入整治方案。";

	@Test
	void shouldPrintTwentyTwoLinesOfTwentyEightCharactersOnA4WithOuterPageNumbers() throws Exception {
		OfficialDocument document = OfficialDocument.create().title("关于整治形式主义官僚主义问题的工作报告").recipient("局党组");
		document.heading("一、工作开展情况");
		for (int i = 0; i < 40; i++) {
			document.paragraph("（一）动员部署。", STEP);
		}
		document.table(List.of(List.of("单位", "问题数"), List.of("办公室", "3")));
		document.signature("局整治办", LocalDate.of(2026, 12, 3));
		OfficeSuite.Pdf pdf = OfficeSuite.render(document.toBytes(), "report.docx");

		assertThat(pdf.isA4Portrait()).isTrue();
		String[] pages = pdf.text().split("\f");
		// page 2 holds body text only: 22 lines, then the page number on the left
		List<String> lines = Arrays.stream(pages[1].split("\\R")).filter((l) -> !l.isBlank()).toList();
		assertThat(lines).hasSize(23);
		assertThat(lines.get(22).replaceAll("\\s", "")).isEqualTo("—2—");
		assertThat(lines.get(22)).doesNotStartWith("   ");
		// a full line (neither the first nor the last of a paragraph) holds 28 characters
		assertThat(lines.stream().map((l) -> l.replaceAll("\\s", "").length())).contains(28).allMatch((n) -> n <= 28);
		assertThat(pages[0].replaceAll("\\s", "")).endsWith("—1—");
		assertThat(pdf.text().replaceAll("\\s", "")).contains("局整治办2026年12月3日");
	}

	@Test
	void shouldPrintTheBodyInASerifFaceAndSubheadingsInAKaiFace() throws Exception {
		OfficialDocument document = OfficialDocument.create().title("关于整治形式主义官僚主义问题的工作报告").recipient("局党组");
		document.heading("一、工作开展情况");
		document.paragraph("（一）动员部署。", STEP);
		document.signature("局整治办", LocalDate.of(2026, 12, 3));
		OfficeSuite.assumeInstalled();
		OfficeSuite.assumeDocumentFaces();
		OfficeSuite.Pdf pdf = OfficeSuite.render(document.toBytes(), "faces.docx");

		// 仿宋 and 小标宋 in a Song (serif) face, 楷体 in a Kai face, 黑体 in a sans face: not
		// one sans face for everything
		assertThat(pdf.fonts()).anySatisfy((font) -> assertThat(font).containsIgnoringCase("SerifCJK"))
			.anySatisfy((font) -> assertThat(font).containsIgnoringCase("Kai"))
			.anySatisfy((font) -> assertThat(font).containsIgnoringCase("SansCJK"));
	}

	@Test
	void shouldLeaveOutEmptyTablesAndInternalCodes() throws Exception {
		assertThat(OfficialText.withoutCodes("【共性问题】办公室 的问题 P009 在台账 ZZ-2026-002-002 销号后再次出现（P002，P009）。"))
			.isEqualTo("办公室 的问题在台账销号后再次出现。");
		assertThat(OfficialText.withoutCodes("XS-2026-000001,P002")).isEmpty();
		assertThat(OfficialText.withoutNumbering("（二）建立督办台账")).isEqualTo("建立督办台账");
		assertThat(OfficialText.withoutNumbering("2. 修订考核办法")).isEqualTo("修订考核办法");
		assertThat(OfficialText.chinese(12)).isEqualTo("十二");
		assertThat(OfficialText.chinese(20)).isEqualTo("二十");
		byte[] headerOnly = OfficialDocument.create().table(List.of(List.of("单位", "问题数"))).toBytes();
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(headerOnly))) {
			assertThat(document.getTables()).isEmpty();
		}
	}

}
