package org.rectifyflow.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.rectifyflow.export.internal.LedgerImport;
import org.rectifyflow.export.internal.LedgerWorkbook;
import org.rectifyflow.export.web.ExportController;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 台账导入 through the API, with workbooks built here: every row becomes a confirmed problem
 * with its ledger entry and rectification process; a wrong row refuses the whole file,
 * naming the row and column; an exported ledger imports into a new campaign.
 */
@RectifyFlowTest
class LedgerImportTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private JdbcTemplate jdbc;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldImportEveryRowAsAConfirmedProblemWithItsEntryAndProcess() throws Exception {
		long campaign = campaign();
		byte[] xlsx = workbook(List.of(row("u1", "自查", "文风会风", "文件照抄照搬，没有结合本单位实际。"),
				row(unitName("u2"), "明察暗访", "以会议落实会议", "会议多、会议长，以会议代替落实。"), row("u3", "", "STYLE", "简报内容空泛。")));

		JsonNode result = this.json.readTree(upload(campaign, xlsx, "office").andExpectOk());

		assertThat(result.get("rows")).hasSize(3);
		assertThat(result.get("rows").get(0).get("row").asInt()).isEqualTo(4);
		List<LedgerEntry> entries = this.ledger.entries(campaign);
		assertThat(entries).extracting(LedgerEntry::getUnitCode).containsExactlyInAnyOrder("u1", "u2", "u3");
		assertThat(entries).extracting(LedgerEntry::getDescription).contains("会议多、会议长，以会议代替落实。", "简报内容空泛。");
		assertThat(entries).extracting(LedgerEntry::getSource)
			.containsExactlyInAnyOrder("SELF_INSPECTION", "INSPECTION", "SELF_INSPECTION");
		for (LedgerEntry entry : entries) {
			assertThat(this.runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(RectificationProcess.KEY)
				.processInstanceBusinessKey(entry.getCode())
				.count()).as("rectification process of " + entry.getCode()).isOne();
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from problem where campaign_id = ? and status = 'CONFIRMED'", Integer.class, campaign))
			.isEqualTo(3);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = ? and item_id = ? and actor = 'office'", Integer.class,
				LedgerImport.ACTION_IMPORTED, String.valueOf(campaign)))
			.isOne();
	}

	@Test
	void shouldRefuseTheWholeFileNamingEachWrongRowAndColumn() throws Exception {
		long campaign = campaign();
		byte[] xlsx = workbook(List.of(row("u1", "自查", "文风会风", "第一行正确。"), row("不存在的单位", "自查", "文风会风", "单位错误。"),
				row("u2", "道听途说", "不存在的类别", ""), row("u9", "自查", "文风会风", "不在范围内。")));

		Answer refused = upload(campaign, xlsx, "office");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("第5行「单位」：没有名称或代码为「不存在的单位」的单位")
			.contains("第6行「问题来源」")
			.contains("第6行「问题类别」：没有名称或代码为「不存在的类别」的问题类别")
			.contains("第6行「问题描述」：必填")
			.contains("第7行「单位」");
		assertThat(this.ledger.entries(campaign)).as("nothing was imported").isEmpty();
		assertThat(
				this.jdbc.queryForObject("select count(*) from problem where campaign_id = ?", Integer.class, campaign))
			.isZero();
	}

	@Test
	void shouldImportAnExportedLedgerIntoANewCampaign() throws Exception {
		long first = campaign();
		upload(first, workbook(List.of(row("u1", "互查", "文风会风", "调研走过场。"), row("u2", "问题线索", "以会议落实会议", "层层开会。"))),
				"office")
			.andExpectOk();
		byte[] exported = download("/api/campaigns/" + first + "/ledger.xlsx");

		long second = campaign();
		upload(second, exported, "office").andExpectOk();

		assertThat(this.ledger.entries(second)).extracting(LedgerEntry::getDescription)
			.containsExactlyInAnyOrder("调研走过场。", "层层开会。");
		assertThat(this.ledger.entries(second)).extracting(LedgerEntry::getSource)
			.containsExactlyInAnyOrder("CROSS_INSPECTION", "CLUE");
	}

	@Test
	void shouldOfferAnEmptyTemplateThatImportsNothingAndOnlyToTheOffice() throws Exception {
		long campaign = campaign();
		byte[] template = download("/api/campaigns/" + campaign + "/ledger-import-template.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(workbook.getNumberOfSheets()).isOne();
			Row header = workbook.getSheetAt(0).getRow(LedgerWorkbook.HEADER_ROW);
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("单位");
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).contains("填写说明");
		}
		Answer empty = upload(campaign, template, "office");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("表格中没有要导入的问题");
		Answer notExcel = upload(campaign, "序号,单位".getBytes(), "office");
		assertThat(notExcel.status()).isEqualTo(400);
		assertThat(notExcel.body()).contains("Excel");
		Answer handler = upload(campaign, workbook(List.of(row("u1", "自查", "文风会风", "越权导入。"))), "u1");
		assertThat(handler.status()).isEqualTo(403);
		assertThat(this.ledger.entries(campaign)).isEmpty();
	}

	@Test
	void shouldImportThroughThePageOfTheCampaignOffice() throws Exception {
		long campaign = campaign();
		String page = this.mvc.perform(get("/ledger-import").with(httpBasic("office", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("台账导入", "下载导入模板", "value=\"" + campaign + "\"");

		String wrong = this.mvc
			.perform(multipart("/ledger-import")
				.file(new MockMultipartFile("file", "台账.xlsx", ExportController.XLSX.toString(),
						workbook(List.of(row("u1", "自查", "文风会风", "")))))
				.param("campaignId", String.valueOf(campaign))
				.with(httpBasic("office", "demo"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(wrong).contains("第4行「问题描述」：必填");

		String done = this.mvc
			.perform(multipart("/ledger-import")
				.file(new MockMultipartFile("file", "台账.xlsx", ExportController.XLSX.toString(),
						workbook(List.of(row("u1", "自查", "文风会风", "材料报送过多。")))))
				.param("campaignId", String.valueOf(campaign))
				.with(httpBasic("office", "demo"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(done).contains("已导入 <span>1</span> 个问题");
		assertThat(this.ledger.entries(campaign)).extracting(LedgerEntry::getDescription).containsExactly("材料报送过多。");

		assertThat(this.mvc.perform(get("/ledger-import").with(httpBasic("u1", "demo")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	private static List<String> row(String unit, String source, String category, String description) {
		return List.of(unit, source, category, description);
	}

	/** A ledger in the exported layout: title, subtitle, header, rows. */
	private static byte[] workbook(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("整改台账");
			sheet.createRow(0).createCell(0).setCellValue("某单位整改台账");
			sheet.createRow(1).createCell(0).setCellValue("整治活动：测试");
			Row header = sheet.createRow(2);
			for (int i = 0; i < LedgerWorkbook.HEADERS.size(); i++) {
				header.createCell(i).setCellValue(LedgerWorkbook.HEADERS.get(i));
			}
			int r = 3;
			for (List<String> values : rows) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(r - 2);
				for (int i = 0; i < values.size(); i++) {
					row.createCell(i + 1).setCellValue(values.get(i));
				}
				r++;
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private String unitName(String code) throws Exception {
		return this.jdbc.queryForObject("select name from unit where code = ?", String.class, code);
	}

	private long campaign() throws Exception {
		LocalDate today = LocalDate.now();
		Map<String, Object> body = Map.of("title", "台账导入测试专项整治" + System.nanoTime(), "basisDocuments",
				List.of(Map.of("title", "关于开展整治形式主义官僚主义专项行动的通知", "number", "中纪办〔2022〕8号")), "scopeUnits",
				List.of("u1", "u2", "u3"), "deadlines",
				Map.of("selfInspection", today.plusDays(10).toString(), "crossInspection",
						today.plusDays(20).toString(), "review", today.plusDays(30).toString(), "rectification",
						today.plusDays(120).toString(), "regulation", today.plusDays(150).toString()));
		MvcResult created = this.mvc
			.perform(post("/api/campaigns").with(httpBasic("office", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andReturn();
		return this.json.readTree(created.getResponse().getContentAsString()).get("id").asLong();
	}

	private byte[] download(String path) throws Exception {
		return this.mvc.perform(get(path).with(httpBasic("office", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private Answer upload(long campaign, byte[] xlsx, String user) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/api/campaigns/" + campaign + "/ledger/import")
				.file(new MockMultipartFile("file", "台账.xlsx", ExportController.XLSX.toString(), xlsx))
				.with(httpBasic(user, "demo")))
			.andReturn();
		result.getResponse().setCharacterEncoding("UTF-8");
		return new Answer(result.getResponse().getStatus(), result.getResponse().getContentAsString());
	}

	private record Answer(int status, String body) {

		String andExpectOk() {
			assertThat(this.status).as(this.body).isEqualTo(200);
			return this.body;
		}

	}

}
