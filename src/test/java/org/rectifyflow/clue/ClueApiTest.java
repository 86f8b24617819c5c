package org.rectifyflow.clue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.clue.internal.PublicRateLimitFilter;
import org.rectifyflow.clue.web.PublicClueController;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clue API through HTTP on H2. Every public request comes from its own client address
 * so that the rate limit of one test does not touch another.
 */
@RectifyFlowTest
class ClueApiTest {

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	private static final String REPORTER = "赵举报人";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private HistoryService historyService;

	@Autowired
	private AuditEventRepository auditEvents;

	private final ObjectMapper json = new ObjectMapper();

	static RequestPostProcessor client() {
		String address = "10.77." + (CLIENTS.incrementAndGet() / 250) + "." + (CLIENTS.get() % 250 + 1);
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String clueJson(String channel, String description) {
		return """
				{"channel":"%s","subjectUnit":"u2","subjectPerson":"钱某","category":"MEETINGS_DOCUMENTS",
				 "description":%s,"occurredOn":"2026-01-05","reporterName":"%s","reporterContact":"13900000000",
				 "reporterEmail":"zhao@example.org"}""".formatted(channel, quote(description), REPORTER);
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private JsonNode body(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		String body = this.mvc.perform(request)
			.andExpect(status().is(expectedStatus))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).doesNotContain(REPORTER).doesNotContain("13900000000").doesNotContain("zhao@example.org");
		return body.isEmpty() ? null : this.json.readTree(body);
	}

	private long clueCount() {
		return this.jdbc.queryForObject("select count(*) from clue", Long.class);
	}

	private long processCount() {
		return this.historyService.createHistoricProcessInstanceQuery().processDefinitionKey("clue").count();
	}

	private JsonNode reportPublicly(String description) throws Exception {
		return body(post("/api/public/clues").with(client())
			.contentType(MediaType.APPLICATION_JSON)
			.content(clueJson("WEBSITE", description)), 201);
	}

	@Test
	void shouldAcceptAPublicReportWithoutLoginAndShowOnlyTheStatusForItsReceiptCode() throws Exception {
		JsonNode receipt = reportPublicly("会议通知层层转发");
		String code = receipt.get("receiptCode").asText();
		assertThat(code).matches("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}");
		assertThat(receipt.get("clueNumber").asText()).matches("XS-\\d{4}-\\d{6}");
		JsonNode status = body(get("/api/public/clues/" + code).with(client()), 200);
		assertThat(status.get("status").asText()).isEqualTo("RECEIVED");
		assertThat(status.get("feedback").isNull()).isTrue();
		assertThat(status.toString()).doesNotContain("钱某").doesNotContain("discipline");
		// Case and separators do not matter.
		body(get("/api/public/clues/" + code.toLowerCase().replace("-", "")).with(client()), 200);
		// The code is not stored, only its hash.
		assertThat(this.jdbc.queryForObject("select count(*) from clue where receipt_hash = ?", Long.class, code))
			.isZero();
	}

	@Test
	void shouldAnswerEveryWrongReceiptCodeWithTheSameNotFound() throws Exception {
		JsonNode wellFormed = body(get("/api/public/clues/ABCD-EFGH-JKMN-PQRS").with(client()), 404);
		JsonNode malformed = body(get("/api/public/clues/x").with(client()), 404);
		assertThat(wellFormed.get("detail")).isEqualTo(malformed.get("detail"));
		assertThat(wellFormed.get("messageZh").asText()).isEqualTo(PublicClueController.NOT_FOUND_ZH);
	}

	@Test
	void shouldRequireLoginAndTheDisciplineGroupForStaffIntake() throws Exception {
		body(post("/api/clues").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(clueJson("PHONE", "电话反映")),
				401);
		body(post("/api/clues").with(httpBasic("u1", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(clueJson("PHONE", "电话反映")), 403);
		JsonNode receipt = body(post("/api/clues").with(httpBasic("discipline", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(clueJson("HOTLINE_12345", "12345热线转来")), 201);
		assertThat(receipt.get("receiptCode").asText()).isNotBlank();
	}

	@Test
	void shouldKeepTheReporterOutOfEveryResponseAndProcessVariableAndRevealOnlyToTheDisciplineGroup() throws Exception {
		String number = reportPublicly("实名举报").get("clueNumber").asText();
		Long id = this.jdbc.queryForObject("select id from clue where clue_number = ?", Long.class, number);
		String processInstanceId = this.jdbc.queryForObject("select process_instance_id from clue where id = ?",
				String.class, id);
		assertThat(this.jdbc.queryForObject("select reporter_cipher from clue where id = ?", String.class, id))
			.doesNotContain(REPORTER);
		JsonNode detail = body(get("/api/clues/" + id).with(httpBasic("discipline", "demo")), 200);
		assertThat(detail.at("/summary/subjectPerson").asText()).isEqualTo("钱某");
		body(get("/api/clues?unit=u2").with(httpBasic("discipline", "demo")), 200);
		JsonNode supervisorView = body(get("/api/clues?unit=u2").with(httpBasic("supervisor", "demo")), 200);
		assertThat(supervisorView.get("items")).allSatisfy((item) -> {
			assertThat(item.get("subjectPerson").isNull()).isTrue();
			assertThat(item.has("description")).isFalse();
		});
		body(get("/api/clues/" + id).with(httpBasic("supervisor", "demo")), 403);
		body(get("/api/clues").with(httpBasic("u1", "demo")), 403);
		assertThat(
				this.historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list())
			.noneSatisfy((v) -> assertThat(String.valueOf(v.getValue())).contains(REPORTER));

		String reveal = "/api/clues/" + id + "/reveal-reporter";
		body(post(reveal).with(httpBasic("supervisor", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"想看\"}"), 403);
		body(post(reveal).with(httpBasic("discipline", "demo")).contentType(MediaType.APPLICATION_JSON).content("{}"),
				400);
		String revealed = this.mvc
			.perform(post(reveal).with(httpBasic("discipline", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"核实需要联系举报人\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(revealed).contains(REPORTER).contains("zhao@example.org");
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("clue", number))
			.anySatisfy((event) -> {
				assertThat(event.getAction()).isEqualTo(ClueRegister.ACTION_REVEALED);
				assertThat(event.getActor()).isEqualTo("discipline");
				assertThat(event.getDetails()).contains("核实需要联系举报人");
			});
	}

	@Test
	void shouldRefuseBadInputWithoutStoringAnythingOrStartingAProcess() throws Exception {
		long clues = clueCount();
		long processes = processCount();
		JsonNode missing = body(post("/api/public/clues").with(client())
			.contentType(MediaType.APPLICATION_JSON)
			.content(clueJson("WEBSITE", "   ")), 400);
		assertThat(missing.get("messageZh").asText()).contains("问题描述");
		JsonNode huge = body(post("/api/public/clues").with(client())
			.contentType(MediaType.APPLICATION_JSON)
			.content(clueJson("WEBSITE", "长".repeat(1024 * 1024))), 400);
		assertThat(huge.get("messageZh").asText()).contains("5000");
		JsonNode channel = body(post("/api/public/clues").with(client())
			.contentType(MediaType.APPLICATION_JSON)
			.content(clueJson("CARRIER_PIGEON", "信鸽")), 400);
		assertThat(channel.get("messageZh").asText()).contains("举报渠道");
		MockMultipartFile part = new MockMultipartFile("clue", "", MediaType.APPLICATION_JSON_VALUE,
				clueJson("WEBSITE", "附件").getBytes(StandardCharsets.UTF_8));
		JsonNode exe = body(multipart("/api/public/clues").file(part)
			.file(new MockMultipartFile("attachments", "evil.exe", "application/octet-stream", new byte[] { 'M', 'Z' }))
			.with(client()), 400);
		assertThat(exe.get("messageZh").asText()).contains("类型");
		JsonNode big = body(multipart("/api/public/clues").file(part)
			.file(new MockMultipartFile("attachments", "big.pdf", "application/pdf", new byte[6 * 1024 * 1024]))
			.with(client()), 400);
		assertThat(big.get("messageZh").asText()).contains("大小");
		JsonNode fake = body(multipart("/api/public/clues").file(part)
			.file(new MockMultipartFile("attachments", "fake.pdf", "application/pdf",
					"not a pdf".getBytes(StandardCharsets.UTF_8)))
			.with(client()), 400);
		assertThat(fake.get("messageZh").asText()).contains("附件");
		assertThat(clueCount()).isEqualTo(clues);
		assertThat(processCount()).isEqualTo(processes);
	}

	@Test
	void shouldStoreAnAttachmentOfAPublicReport() throws Exception {
		MockMultipartFile part = new MockMultipartFile("clue", "", MediaType.APPLICATION_JSON_VALUE,
				clueJson("WECHAT", "有照片").getBytes(StandardCharsets.UTF_8));
		JsonNode receipt = body(multipart("/api/public/clues").file(part)
			.file(new MockMultipartFile("attachments", "note.txt", "text/plain",
					"会议记录".getBytes(StandardCharsets.UTF_8)))
			.with(client()), 201);
		assertThat(this.jdbc.queryForObject("select count(*) from attachment where item_type = 'clue' and item_id = ?",
				Long.class, receipt.get("clueNumber").asText()))
			.isOne();
	}

	@Test
	void shouldStoreScriptTagsAsTextAndRenderThemEscaped() throws Exception {
		String script = "<script>alert('x')</script>";
		String number = reportPublicly(script).get("clueNumber").asText();
		assertThat(this.jdbc.queryForObject("select description from clue where clue_number = ?", String.class, number))
			.isEqualTo(script);
		String page = this.mvc
			.perform(post("/report").with(client())
				.with(csrf())
				.param("description", script)
				.param("category", "OTHER")
				.param("subjectUnit", "no-such-unit"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("&lt;script&gt;").doesNotContain(script).contains("被反映单位不存在");
	}

	@Test
	void shouldReportAndLookUpThroughThePublicPage() throws Exception {
		this.mvc.perform(get("/report")).andExpect(status().isOk());
		String page = this.mvc
			.perform(multipart("/report").with(client())
				.with(csrf())
				.param("description", "网页举报")
				.param("category", "RESEARCH")
				.param("subjectUnit", "u1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		java.util.regex.Matcher code = java.util.regex.Pattern.compile("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}")
			.matcher(page);
		assertThat(code.find()).isTrue();
		String status = this.mvc
			.perform(post("/report/lookup").with(client()).with(csrf()).param("receiptCode", code.group()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(status).contains(ClueStatus.RECEIVED.label());
		this.mvc.perform(post("/report/lookup").with(client()).with(csrf()).param("receiptCode", "WRONG"))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldRefuseTheRequestAfterTheLimitWithTooManyRequests() throws Exception {
		RequestPostProcessor sameClient = client();
		for (int i = 0; i < 20; i++) {
			this.mvc.perform(get("/api/public/clues/ABCD-EFGH-JKMN-PQRS").with(sameClient))
				.andExpect(status().isNotFound());
		}
		String body = this.mvc.perform(get("/api/public/clues/ABCD-EFGH-JKMN-PQRS").with(sameClient))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains(PublicRateLimitFilter.TOO_MANY_ZH);
		// Another client is not affected.
		this.mvc.perform(get("/api/public/clues/ABCD-EFGH-JKMN-PQRS").with(client())).andExpect(status().isNotFound());
	}

}
