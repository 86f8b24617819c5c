package org.rectifyflow.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfficialDocumentTest {

	@Test
	void shouldRenderOnA4WithThePageNumbersAndFacesOfTheStandard() throws Exception {
		OfficialDocument document = OfficialDocument.create().title("关于整治形式主义官僚主义问题的工作报告").recipient("局党组");
		document.heading("一、工作开展情况");
		for (int i = 0; i < 40; i++) {
			document.paragraph("（一）动员部署。", "局党组组织专题学习，将上级文件、部署要求及时传达到每一位党员干部，结合实际制定印发切实可行的深入整治方案。");
		}
		document.table(List.of(List.of("单位", "问题数"), List.of("办公室", "3")));
		document.table(List.of(List.of("单位", "问题数")));
		document.signature("局整治办", LocalDate.of(2026, 12, 3));
		byte[] bytes = document.toBytes();
		Files.write(Path.of("/tmp/official.docx"), bytes);
		OfficeSuite.Pdf pdf = OfficeSuite.render(bytes, "report.docx");
		System.out.println(pdf);
		assertThat(pdf.isA4Portrait()).isTrue();
		assertThat(pdf.text().replaceAll("\\s", "")).contains("—1—", "—2—", "2026年12月3日");
	}

}
