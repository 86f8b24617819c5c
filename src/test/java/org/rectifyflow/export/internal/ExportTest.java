package org.rectifyflow.export.internal;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.document.OfficeSuite;
import org.rectifyflow.document.OfficialDocument;
import org.rectifyflow.document.OfficialText;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.dashboard.SupervisionFixture;
import org.rectifyflow.testsupport.RectifyFlowTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RectifyFlowTest
class ExportTest {

	private static final List<String> SECRETS = List.of(SupervisionFixture.REPORTER_NAME,
			SupervisionFixture.REPORTER_CONTACT, SupervisionFixture.REPORTER_EMAIL, SupervisionFixture.SUBJECT_PERSON);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private TaskService taskService;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private JdbcTemplate jdbc;

	private final ObjectMapper json = new ObjectMapper();

	private SupervisionFixture fixture;

	@RegisterExtension
	final EngineClock clock = EngineClock.realTime();

	@BeforeEach
	void setUp() throws Exception {
		this.fixture = SupervisionFixture.create(this.mvc, this.ledger, this.taskService, this.events);
	}

	@Test
	void shouldExportALedgerThatPrintsOnA4LandscapeWithStatusSourceAndLegend() throws Exception {
		byte[] bytes = download("office", "/api/campaigns/" + this.fixture.campaignId + "/ledger.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			XSSFSheet ledger = workbook.getSheet(LedgerWorkbook.LEDGER_SHEET);
			assertThat(ledger.getRow(0).getCell(0).getStringCellValue()).isEqualTo("市城市管理局整治形式主义官僚主义问题整改台账");
			assertThat(ledger.getRow(1).getCell(0).getStringCellValue()).startsWith("整治活动：督办统计测试专项整治");
			assertThat(cells(ledger.getRow(LedgerWorkbook.HEADER_ROW)))
				.containsExactlyElementsOf(LedgerWorkbook.HEADERS);
			assertThat(ledger.getPaneInformation().isFreezePane()).isTrue();
			assertThat(ledger.getCTWorksheet().isSetAutoFilter()).isTrue();
			assertThat(ledger.getRepeatingRows().formatAsString()).isEqualTo("3:3");
			assertThat(ledger.getPrintSetup().getLandscape()).isTrue();
			assertThat(ledger.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(ledger.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
			int status = LedgerWorkbook.HEADERS.indexOf("整改状态");
			int source = LedgerWorkbook.HEADERS.indexOf("问题来源");
			int deadline = LedgerWorkbook.HEADERS.indexOf("完成时限");
			int overdue = 0;
			for (int r = LedgerWorkbook.HEADER_ROW + 1; r <= LedgerWorkbook.HEADER_ROW + 5; r++) {
				Row row = ledger.getRow(r);
				assertThat(row.getCell(status).getStringCellValue()).isIn("整改中", "待验收", "已销号", "已结转", "超期");
				assertThat(row.getCell(source).getStringCellValue()).isIn("自查", "互查", "全面剖析", "问题线索", "明察暗访");
				boolean late = "超期".equals(row.getCell(status).getStringCellValue());
				assertThat(row.getCell(4).getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND)
					.isEqualTo(late);
				assertThat(row.getCell(4).getCellStyle().getWrapText()).isTrue();
				assertThat(row.getHeightInPoints()).isGreaterThan(LedgerWorkbook.rowHeight(1) - 1);
				if (row.getCell(deadline).getCellType() == CellType.NUMERIC) {
					assertThat(row.getCell(deadline).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
				}
				overdue += late ? 1 : 0;
			}
			assertThat(overdue).isEqualTo(2);
			assertThat(allCells(workbook)).contains("以会议落实会议，周例会重复召开", "已销号", "底色标注的行为超过完成时限尚未销号的事项")
				.doesNotContain("18:00");
			assertThat(workbook
				.getFontAt(ledger.getRow(LedgerWorkbook.HEADER_ROW + 1).getCell(4).getCellStyle().getFontIndex())
				.getFontName()).isEqualTo(LedgerWorkbook.FONT);

			OfficeSuite.Pdf pdf = OfficeSuite.render(bytes, "ledger.xlsx");
			assertThat(pdf.isA4Landscape()).isTrue();
			assertThat(pdf.pages()).isLessThanOrEqualTo(2);
			assertThat(pdf.text()).contains("整改台账");
			// the summary sheet alone prints on one page
			workbook.removeSheetAt(0);
			java.io.ByteArrayOutputStream summary = new java.io.ByteArrayOutputStream();
			workbook.write(summary);
			OfficeSuite.Pdf summaryPdf = OfficeSuite.render(summary.toByteArray(), "summary.xlsx");
			assertThat(summaryPdf.pages()).isEqualTo(1);
			assertThat(summaryPdf.text()).contains("合计", "销号率");
		}
		this.mvc
			.perform(get("/api/campaigns/" + this.fixture.campaignId + "/ledger.xlsx").with(httpBasic("u1", "demo")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/campaigns/987654321/ledger.xlsx").with(httpBasic("office", "demo")))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldExportCluesWithTheListFiltersAndNoReporterOrPerson() throws Exception {
		for (String user : List.of("supervisor", "discipline")) {
			byte[] bytes = download(user, "/api/clues.xlsx?channel=PETITION");
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
				String text = allCells(workbook);
				assertThat(text).contains(this.fixture.clueNumber, "问题线索登记表");
				for (String secret : SECRETS) {
					assertThat(text).doesNotContain(secret);
				}
				Sheet sheet = workbook.getSheetAt(0);
				long petitions = this.jdbc.queryForObject("select count(*) from clue where channel = 'PETITION'",
						Long.class);
				int first = LedgerWorkbook.HEADER_ROW + 1;
				for (int r = first; r < first + petitions; r++) {
					Row row = sheet.getRow(r);
					assertThat(row.getCell(2).getStringCellValue()).isEqualTo("信访");
					if ("是".equals(row.getCell(ClueWorkbook.HEADERS.indexOf("是否超期")).getStringCellValue())) {
						assertThat(row.getCell(ClueWorkbook.HEADERS.indexOf("办理期限")).getCellType())
							.isEqualTo(CellType.NUMERIC);
					}
				}
				Row after = sheet.getRow(first + (int) petitions);
				assertThat(after == null || after.getCell(2) == null || after.getCell(2).toString().isEmpty()).isTrue();
				assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			}
		}
		this.mvc.perform(get("/api/clues.xlsx").with(httpBasic("u3", "demo"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/clues.xlsx?channel=FAX").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void shouldWriteTheReportInTheSeedStructureAndTheOfficialLayout() throws Exception {
		byte[] bytes = download("party", "/api/campaigns/" + this.fixture.campaignId + "/report.docx");
		String text = docText(bytes);
		int last = -1;
		int number = 1;
		for (ReportSection section : List.of(ReportSection.WORK, ReportSection.PROBLEMS, ReportSection.MEASURES,
				ReportSection.BURDEN, ReportSection.NEXT_STEPS)) {
			String heading = OfficialText.chinese(number++) + "、" + section.title() + "\n";
			int at = text.indexOf(heading);
			assertThat(at).as(heading).isGreaterThan(last);
			last = at;
		}
		assertThat(text).startsWith("关于督办统计测试专项整治")
			.contains("坚持为基层减负，不以填表报数代替整改落实。", "办理任务", "填写字段", "\n局党组：\n", "按照《关于开展整治形式主义官僚主义专项行动的通知》（中纪办〔2022〕8号）要求",
					"（一）查找问题。", "（二）问题整改。", "查找问题5个", "共列入台账5项，已销号1项", "其中超期2项", "一是", "以会议落实会议，周例会重复召开", "\n局整治办\n")
			// no placeholder, no empty figure, no internal code
			.doesNotContain("待整治办补充", "0项", "0件", "0个", "ZZ-", "P00", this.fixture.clueNumber);
		for (String secret : SECRETS) {
			assertThat(text).doesNotContain(secret);
		}
		assertThat(OfficeSuite.eastAsiaFonts(documentXml(bytes))).contains(OfficialDocument.TITLE_FONT,
				OfficialDocument.HEADING_FONT, OfficialDocument.SUBHEADING_FONT, OfficialDocument.BODY_FONT);
		for (String user : List.of("office", "supervisor", "discipline")) {
			download(user, "/api/campaigns/" + this.fixture.campaignId + "/report.docx");
		}
		this.mvc
			.perform(get("/api/campaigns/" + this.fixture.campaignId + "/report.docx").with(httpBasic("u1", "demo")))
			.andExpect(status().isForbidden());

		OfficeSuite.Pdf pdf = OfficeSuite.render(bytes, "report.docx");
		assertThat(pdf.isA4Portrait()).isTrue();
		String printed = pdf.text().replaceAll("\\s", "");
		assertThat(printed).contains("—1—", "一、工作开展情况", "局整治办").doesNotContain("待整治办补充", "ZZ-", "P00", "0项", "0件");
		assertThat(pdf.fonts()).allMatch(
				(f) -> f.startsWith("Noto") || f.startsWith("UKai") || f.startsWith("Liberation")
						|| f.startsWith("DejaVu"),
				"Noto CJK and AR PL UKai (楷体) for Chinese, Liberation/DejaVu for Latin and dashes");
	}

	@Test
	void shouldKeepEveryNarrativeVersionAndReviseAfterTheFinalOne() throws Exception {
		String path = "/api/campaigns/" + this.fixture.campaignId + "/report/narrative";
		putNarrative("office", path, Map.of("sections", Map.of("nextSteps", "第一稿：继续巩固整治成果。")))
			.andExpect(status().isOk());
		putNarrative("office", path, Map.of("sections", Map.of("nextSteps", "第二稿：建立长效机制。", "work", "整治办组织专班推进。")))
			.andExpect(status().isOk());
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select version, narrative from campaign_report_version where campaign_id = ? order by version",
				this.fixture.campaignId);
		assertThat(rows).hasSize(2);
		assertThat((String) rows.get(0).get("narrative")).contains("第一稿").doesNotContain("第二稿");
		assertThat((String) rows.get(1).get("narrative")).contains("第二稿", "整治办组织专班推进");

		String first = docText(
				download("office", "/api/campaigns/" + this.fixture.campaignId + "/report.docx?version=1"));
		// 下一步工作打算 is the campaign's summary, one text: a version keeps what was sent
		// (above), the document prints the summary as it stands
		assertThat(first).contains("第二稿").doesNotContain("第一稿").doesNotContain("整治办组织专班推进");
		String latest = docText(download("office", "/api/campaigns/" + this.fixture.campaignId + "/report.docx"));
		assertThat(latest).contains("第二稿", "整治办组织专班推进").doesNotContain("第一稿");

		putNarrative("supervisor", path, Map.of("sections", Map.of("work", "x"))).andExpect(status().isForbidden());
		putNarrative("office", path, Map.of("sections", Map.of("epilogue", "x"))).andExpect(status().isBadRequest());
		putNarrative("office", path, Map.of("sections", Map.of())).andExpect(status().isBadRequest());
		putNarrative("office", path, Map.of("sections", Map.of("regulations", "定稿。"), "finalVersion", true))
			.andExpect(status().isOk());
		byte[] finalBytes = download("office", "/api/campaigns/" + this.fixture.campaignId + "/report.docx?version=3");
		// an edit after the final version is a revision; the final version stays as it
		// was
		putNarrative("office", path, Map.of("sections", Map.of("regulations", "定稿后修改。"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(4))
			.andExpect(jsonPath("$.revision").value(true));
		assertThat(docText(download("office", "/api/campaigns/" + this.fixture.campaignId + "/report.docx")))
			.contains("（修订稿）", "定稿后修改。");
		assertThat(download("office", "/api/campaigns/" + this.fixture.campaignId + "/report.docx?version=3"))
			.isEqualTo(finalBytes);
		assertThat(docText(finalBytes)).contains("定稿。").doesNotContain("修订稿");
		assertThat((String) this.jdbc.queryForObject(
				"select narrative from campaign_report_version where campaign_id = ? and version = 1", String.class,
				this.fixture.campaignId))
			.isEqualTo(rows.get(0).get("narrative"));
		this.mvc
			.perform(get("/api/campaigns/" + this.fixture.campaignId + "/report.docx?version=99")
				.with(httpBasic("office", "demo")))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldKeepTheSummaryAndTheNextStepsAsOneText() throws Exception {
		String text = "继续巩固整治成果，每季度回头看一次。";
		putNarrative("office", "/api/campaigns/" + this.fixture.campaignId + "/report/narrative",
				Map.of("sections", Map.of("nextSteps", text)))
			.andExpect(status().isOk());
		// the campaign's summary, which the summary task's form starts from
		assertThat(this.jdbc.queryForObject("select summary from campaign where id = ?", String.class,
				this.fixture.campaignId))
			.isEqualTo(text);
		String report = docText(download("office", "/api/campaigns/" + this.fixture.campaignId + "/report.docx"));
		assertThat(report.indexOf(text)).isPositive().isEqualTo(report.lastIndexOf(text));
		putNarrative("office", "/api/campaigns/" + this.fixture.campaignId + "/report/narrative",
				Map.of("sections", Map.of("nextSteps", "长".repeat(ExportService.MAX_SUMMARY_LENGTH + 1))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void shouldFreezeTheFinalVersionWhenTheCampaignEnds() throws Exception {
		putNarrative("office", "/api/campaigns/" + this.fixture.campaignId + "/report/narrative",
				Map.of("sections", Map.of("work", "整治办组织专班推进。")))
			.andExpect(status().isOk());
		// the campaign's last task stores its summary and ends it
		this.jdbc.update(
				"update campaign set status = 'COMPLETED', phase = 'COMPLETED', ended_at = ?, summary = ? where id = ?",
				java.sql.Timestamp.from(Instant.now()), "巩固整治成果，建立长效机制，防止问题反弹。", this.fixture.campaignId);
		String versions = this.mvc
			.perform(get("/api/campaigns/" + this.fixture.campaignId + "/report/versions")
				.with(httpBasic("office", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[1].finalVersion").value(true))
			.andExpect(jsonPath("$[1].revision").value(false))
			.andExpect(jsonPath("$[1].createdBy").value(ExportService.SYSTEM_USER))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(versions).contains("整治办组织专班推进");
		byte[] frozen = download("office", "/api/campaigns/" + this.fixture.campaignId + "/report.docx");
		assertThat(docText(frozen)).contains("下一步工作打算\n", "巩固整治成果，建立长效机制，防止问题反弹。", "整治办组织专班推进。");
		// later data do not change the final version
		this.jdbc.update("update campaign set summary = ? where id = ?", "改写的总结。", this.fixture.campaignId);
		assertThat(download("office", "/api/campaigns/" + this.fixture.campaignId + "/report.docx?version=2"))
			.isEqualTo(frozen);
	}

	private ResultActions putNarrative(String user, String path, Object body) throws Exception {
		return this.mvc.perform(put(path).with(httpBasic(user, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body)));
	}

	private byte[] download(String user, String path) throws Exception {
		return this.mvc.perform(get(path).with(httpBasic(user, "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private static String documentXml(byte[] bytes) throws Exception {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			return document.getDocument().xmlText();
		}
	}

	private static String docText(byte[] bytes) throws Exception {
		StringBuilder text = new StringBuilder();
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			for (var element : document.getBodyElements()) {
				if (element instanceof XWPFParagraph paragraph) {
					text.append(paragraph.getText()).append('\n');
				}
				else if (element instanceof XWPFTable table) {
					text.append(table.getText()).append('\n');
				}
			}
		}
		return text.toString();
	}

	private static List<String> cells(Row row) {
		List<String> values = new ArrayList<>();
		for (Cell cell : row) {
			values.add(cell.toString());
		}
		return values;
	}

	private static String allCells(XSSFWorkbook workbook) {
		StringBuilder text = new StringBuilder();
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					text.append(cell.toString()).append('\t');
				}
				text.append('\n');
			}
		}
		return text.toString();
	}

}
