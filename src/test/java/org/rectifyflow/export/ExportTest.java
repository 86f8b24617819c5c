package org.rectifyflow.export;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.dashboard.SupervisionFixture;
import org.rectifyflow.testsupport.RectifyFlowTest;

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

	@BeforeEach
	void setUp() throws Exception {
		this.fixture = SupervisionFixture.create(this.mvc, this.ledger, this.taskService, this.events);
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
	}

	@Test
	void shouldExportTheLedgerWithOneSheetPerUnitAndOverdueRowsHighlighted() throws Exception {
		byte[] bytes = download("office", "/api/campaigns/" + this.fixture.campaignId + "/ledger.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
			XSSFSheet summary = workbook.getSheet(LedgerWorkbook.SUMMARY_SHEET);
			assertThat(summary).isNotNull();
			assertThat(cells(summary.getRow(0))).containsExactlyElementsOf(LedgerWorkbook.HEADERS);
			assertThat(summary.getLastRowNum()).isEqualTo(5);
			assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
			assertThat(summary.getCTWorksheet().isSetAutoFilter()).isTrue();
			int overdue = 0;
			for (int r = 1; r <= summary.getLastRowNum(); r++) {
				Row row = summary.getRow(r);
				boolean late = "是".equals(row.getCell(9).getStringCellValue());
				assertThat(row.getCell(3).getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND)
					.isEqualTo(late);
				overdue += late ? 1 : 0;
			}
			assertThat(overdue).isEqualTo(2);
			List<String> units = new ArrayList<>();
			for (int s = 1; s < workbook.getNumberOfSheets(); s++) {
				Sheet sheet = workbook.getSheetAt(s);
				units.add(sheet.getSheetName());
				assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isNotBlank();
			}
			assertThat(units).hasSize(3).allMatch((n) -> n.contains("（u"));
			assertThat(workbook.getSheetAt(1).getLastRowNum()).isEqualTo(2);
			assertThat(allCells(workbook)).contains("以会议落实会议，周例会重复召开", "已销号");
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
				assertThat(text).contains(this.fixture.clueNumber);
				for (String secret : SECRETS) {
					assertThat(text).doesNotContain(secret);
				}
				Sheet sheet = workbook.getSheetAt(0);
				long petitions = this.jdbc.queryForObject("select count(*) from clue where channel = 'PETITION'",
						Long.class);
				assertThat(sheet.getLastRowNum()).isEqualTo(petitions);
				for (int r = 1; r <= sheet.getLastRowNum(); r++) {
					assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isEqualTo("信访");
				}
			}
		}
		this.mvc.perform(get("/api/clues.xlsx").with(httpBasic("u3", "demo"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/clues.xlsx?channel=FAX").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void shouldWriteTheReportInTheSeedStructureWithoutReporterIdentity() throws Exception {
		byte[] bytes = download("party", "/api/campaigns/" + this.fixture.campaignId + "/report.docx");
		String text = docText(bytes);
		int last = -1;
		for (ReportSection section : ReportSection.values()) {
			int at = text.indexOf(section.heading());
			assertThat(at).as(section.heading()).isGreaterThan(last);
			last = at;
		}
		assertThat(text).contains("动员部署", "查找问题", "问题整改", "分析研判", "建章立制", "共5项，已销号1项", "其中超期未完成2项", "共查找问题5个", "文风会风",
				"信访", "销号率");
		for (String secret : SECRETS) {
			assertThat(text).doesNotContain(secret);
		}
		for (String user : List.of("office", "supervisor", "discipline")) {
			download(user, "/api/campaigns/" + this.fixture.campaignId + "/report.docx");
		}
		this.mvc
			.perform(get("/api/campaigns/" + this.fixture.campaignId + "/report.docx").with(httpBasic("u1", "demo")))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldKeepEveryNarrativeVersion() throws Exception {
		String path = "/api/campaigns/" + this.fixture.campaignId + "/report/narrative";
		putNarrative("office", path, Map.of("sections", Map.of("nextSteps", "第一稿：继续巩固整治成果。")))
			.andExpect(status().isOk());
		putNarrative("office", path, Map.of("sections", Map.of("nextSteps", "第二稿：建立长效机制。", "work", "局党组高度重视。")))
			.andExpect(status().isOk());
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select version, narrative from campaign_report_version where campaign_id = ? order by version",
				this.fixture.campaignId);
		assertThat(rows).hasSize(2);
		assertThat((String) rows.get(0).get("narrative")).contains("第一稿").doesNotContain("第二稿");
		assertThat((String) rows.get(1).get("narrative")).contains("第二稿", "局党组高度重视");

		String first = docText(
				download("office", "/api/campaigns/" + this.fixture.campaignId + "/report.docx?version=1"));
		assertThat(first).contains("第一稿").doesNotContain("第二稿").doesNotContain("局党组高度重视");
		String latest = docText(download("office", "/api/campaigns/" + this.fixture.campaignId + "/report.docx"));
		assertThat(latest).contains("第二稿", "局党组高度重视").doesNotContain("第一稿");

		putNarrative("supervisor", path, Map.of("sections", Map.of("work", "x"))).andExpect(status().isForbidden());
		putNarrative("office", path, Map.of("sections", Map.of("epilogue", "x"))).andExpect(status().isBadRequest());
		putNarrative("office", path, Map.of("sections", Map.of())).andExpect(status().isBadRequest());
		putNarrative("office", path, Map.of("sections", Map.of("results", "定稿。"), "finalVersion", true))
			.andExpect(status().isOk());
		putNarrative("office", path, Map.of("sections", Map.of("results", "定稿后修改。"))).andExpect(status().isConflict());
		assertThat(this.jdbc.queryForObject("select count(*) from campaign_report_version where campaign_id = ?",
				Long.class, this.fixture.campaignId))
			.isEqualTo(3);
		assertThat((String) this.jdbc.queryForObject(
				"select narrative from campaign_report_version where campaign_id = ? and version = 1", String.class,
				this.fixture.campaignId))
			.isEqualTo(rows.get(0).get("narrative"));
		this.mvc
			.perform(get("/api/campaigns/" + this.fixture.campaignId + "/report.docx?version=99")
				.with(httpBasic("office", "demo")))
			.andExpect(status().isNotFound());
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
