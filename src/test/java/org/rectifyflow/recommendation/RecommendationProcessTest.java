package org.rectifyflow.recommendation;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.deadline.EscalationProcess;
import org.rectifyflow.document.OfficeSuite;
import org.rectifyflow.document.OfficialText;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.recommendation.internal.LetterProposals;
import org.rectifyflow.recommendation.internal.RecommendationReply;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.rectifyflow.testsupport.EngineClock;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Walks every path of {@code recommendation.bpmn} from Friday 2026-09-18 10:00, and reads
 * the issued letter back with Apache POI.
 */
@RectifyFlowTest
class RecommendationProcessTest {

	@RegisterExtension
	final EngineClock clock = EngineClock.startingAt(START);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Instant START = LocalDateTime.of(2026, 9, 18, 10, 0).atZone(SHANGHAI).toInstant();

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private RecommendationLetters recommendations;

	@Autowired
	private LetterProposals proposals;

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldStoreTheDraftsListsAsRowsAndNumberThemInTheLetter() throws Exception {
		RecommendationLetter letter = start();
		Task draft = task(letter, RecommendationProcess.TASK_DRAFT);
		assertThat(this.taskService.getVariableLocal(draft.getId(), RecommendationProcess.VAR_UNIT_OPTIONS).toString())
			.contains("{\"label\":\"市容环境卫生管理所\",\"value\":\"u3\"}");
		assertThat(this.taskService.getVariable(draft.getId(), RecommendationProcess.VAR_PROBLEMS).toString())
			.isEqualTo("[{\"item\":\"\"}]");
		JsonNode options = new ObjectMapper().readTree(
				this.taskService.getVariableLocal(draft.getId(), RecommendationProcess.VAR_BASIS_OPTIONS).toString());
		assertThat(options.size()).isPositive();
		String basisId = options.get(0).get("value").asText();
		String basisLabel = options.get(0).get("label").asText();
		assertThat(basisLabel).doesNotContainPattern("P\\d{3}|ZZ-\\d{4}|XS-\\d{4}").contains("发现的问题");

		assertThatThrownBy(() -> draftRows(letter, "u3", List.of("以会议落实会议", " "), List.of("999999"), List.of("修订考核办法")))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("「所依据的问题」的选项无效");
		assertThatThrownBy(() -> draftRows(letter, "u3", List.of("以会议落实会议"), List.of(), List.of("考".repeat(1001))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("第1行「整改要求」不能超过1000个字");

		draftRows(letter, "u3", List.of("环卫作业考核以会议落实会议", " ", "检查督导较少，问题整改流于形式"), List.of(basisId),
				List.of("一、修订考核办法", "建立督办台账", "30个工作日内书面回复整改情况"));
		RecommendationLetter drafted = reload(letter);
		assertThat(drafted.getProblemItems()).containsExactly("环卫作业考核以会议落实会议", "检查督导较少，问题整改流于形式");
		assertThat(drafted.getRequirementItems()).containsExactly("一、修订考核办法", "建立督办台账", "30个工作日内书面回复整改情况");
		assertThat(drafted.getBasis()).containsExactly(new LetterBasisItem(Long.valueOf(basisId), basisLabel));
		assertThat(this.runtimeService.getVariable(letter.getProcessInstanceId(), RecommendationProcess.VAR_PROBLEMS))
			.isNull();
		Task approval = task(letter, RecommendationProcess.TASK_APPROVE);
		assertThat(this.taskService.getVariableLocal(approval.getId(), RecommendationProcess.VAR_PROBLEMS_TEXT))
			.isEqualTo("1. 环卫作业考核以会议落实会议\n2. 检查督导较少，问题整改流于形式");

		// Returned: the form starts from the rows as drafted.
		complete(letter, RecommendationProcess.TASK_APPROVE, RecommendationProcess.VAR_LETTER_APPROVED, "false",
				RecommendationProcess.VAR_OPINION, "请补充依据");
		Task again = task(letter, RecommendationProcess.TASK_DRAFT);
		assertThat(this.taskService.getVariable(again.getId(), RecommendationProcess.VAR_REQUIREMENTS).toString())
			.isEqualTo("[{\"item\":\"一、修订考核办法\"},{\"item\":\"建立督办台账\"},{\"item\":\"30个工作日内书面回复整改情况\"}]");
		assertThat(this.taskService.getVariable(again.getId(), RecommendationProcess.VAR_BASIS_REFS).toString())
			.isEqualTo("[\"" + basisId + "\"]");
		draftRows(letter, "u3", List.of("环卫作业考核以会议落实会议", "检查督导较少，问题整改流于形式"), List.of(basisId),
				List.of("一、修订考核办法", "建立督办台账", "30个工作日内书面回复整改情况"));
		complete(letter, RecommendationProcess.TASK_APPROVE, RecommendationProcess.VAR_LETTER_APPROVED, "true");

		byte[] docx = this.mvc
			.perform(get("/api/recommendations/" + letter.getId() + "/letter.docx").with(httpBasic("u3lead", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text;
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
		}
		assertThat(text).contains("（一）环卫作业考核以会议落实会议。\n（二）检查督导较少，问题整改流于形式。",
				"上述问题见于以下已登记的问题：" + OfficialText.withoutCodes(basisLabel), "\n1．修订考核办法。\n2．建立督办台账。\n3．30个工作日内书面回复整改情况。")
			.doesNotContainPattern("P\\d{3}|ZZ-\\d{4}-\\d{3}");
		Files.write(Path.of("target", "recommendation-letter-rows.docx"), docx);
	}

	@Test
	void shouldDraftReturnIssueRejectAndAcceptTheReply() throws Exception {
		RecommendationLetter letter = start();
		ProcessInstance pi = instance(letter);
		assertThat(pi).isWaitingAt(RecommendationProcess.TASK_DRAFT);
		assertThat(pi.getBusinessKey()).startsWith("JY-2026-");

		assertThatThrownBy(() -> draft(letter, "u9")).isInstanceOf(TaskRuleViolation.class).hasMessageContaining("u9");
		draft(letter, "u3");
		assertThat(pi).isWaitingAt(RecommendationProcess.TASK_APPROVE);
		assertThat(reload(letter).getStatus()).isEqualTo(RecommendationLetter.Status.APPROVING);

		complete(letter, RecommendationProcess.TASK_APPROVE, RecommendationProcess.VAR_LETTER_APPROVED, "false",
				RecommendationProcess.VAR_OPINION, "问题表述不够具体");
		assertThat(pi).isWaitingAt(RecommendationProcess.TASK_DRAFT);
		assertThat(this.taskService.getVariable(task(letter, RecommendationProcess.TASK_DRAFT).getId(),
				RecommendationProcess.VAR_OPINION))
			.isEqualTo("问题表述不够具体");
		draft(letter, "u3");
		complete(letter, RecommendationProcess.TASK_APPROVE, RecommendationProcess.VAR_LETTER_APPROVED, "true",
				RecommendationProcess.VAR_OPINION, "同意印发");
		assertThat(pi).hasPassed(RecommendationProcess.TASK_ISSUE, RecommendationProcess.TASK_ARM_DEADLINE)
			.isWaitingAt(RecommendationProcess.TASK_REPLY);
		RecommendationLetter issued = reload(letter);
		assertThat(issued.getStatus()).isEqualTo(RecommendationLetter.Status.ISSUED);
		assertThat(issued.getDocNumber()).matches("纪建〔2026〕\\d+号");
		assertThat(issued.getRecipient()).isEqualTo("u3lead");
		Task reply = task(letter, RecommendationProcess.TASK_REPLY);
		assertThat(reply.getAssignee()).isEqualTo("u3lead");
		assertThat(reply.getDueDate().toInstant()).isEqualTo(issued.getReplyDeadline().toInstant());
		// 30 working days after 2026-09-18, close of business.
		assertThat(issued.getReplyDeadline().toLocalDate()).isAfter(issued.getIssuedAt().toLocalDate().plusDays(40));
		assertThat(issued.getReplyDeadline().getHour()).isEqualTo(18);

		// The letter opens with POI and holds unit, numbered problems and
		// recommendations,
		// the basis and the deadline, and no internal code.
		MvcResult result = this.mvc
			.perform(get("/api/recommendations/" + letter.getId() + "/letter.docx").with(httpBasic("u3lead", "demo")))
			.andExpect(status().isOk())
			.andReturn();
		byte[] docx = result.getResponse().getContentAsByteArray();
		String text;
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
		}
		assertThat(text)
			.contains("纪律检查建议书", issued.getDocNumber(), "市容环境卫生管理所：", "（一）环卫作业考核以会议落实会议，检查督导较少。", "《中国共产党纪律检查委员会工作条例》",
					"\n1．修订考核办法。\n2．建立督办台账。",
					issued.getReplyDeadline().getYear() + "年" + issued.getReplyDeadline().getMonthValue() + "月"
							+ issued.getReplyDeadline().getDayOfMonth() + "日前",
					"派驻纪检组\n" + OfficialText.date(issued.getIssuedAt().toLocalDate()))
			.doesNotContain("XS-2026-000001")
			.doesNotContain(letter.getCode());

		// Printed by an office suite: A4, one page, no code.
		OfficeSuite.Pdf pdf = OfficeSuite.render(docx, "letter.docx");
		assertThat(pdf.isA4Portrait()).isTrue();
		assertThat(pdf.pages()).isEqualTo(1);
		assertThat(pdf.text().replaceAll("\\s", "")).contains("纪律检查建议书", "—1—", "2026年")
			.doesNotContain("XS-2026")
			.doesNotContain(letter.getCode());
		this.mvc.perform(get("/api/recommendations/" + letter.getId() + "/letter.docx").with(httpBasic("u1", "demo")))
			.andExpect(status().isNotFound());

		assertThatThrownBy(
				() -> complete(letter, RecommendationProcess.TASK_REPLY, RecommendationProcess.VAR_REPLY_MEASURES, " "))
			.isInstanceOf(TaskRuleViolation.class);
		complete(letter, RecommendationProcess.TASK_REPLY, RecommendationProcess.VAR_REPLY_MEASURES, "已修订考核办法",
				RecommendationProcess.VAR_REPLY_EVIDENCE, "考核办法（修订稿）");
		assertThat(pi).isWaitingAt(RecommendationProcess.TASK_VERIFY);
		assertThat(this.taskService.getVariable(task(letter, RecommendationProcess.TASK_VERIFY).getId(),
				RecommendationProcess.VAR_REPLY_EVIDENCE))
			.isEqualTo("考核办法（修订稿）");
		complete(letter, RecommendationProcess.TASK_VERIFY, RecommendationProcess.VAR_REPLY_ACCEPTED, "false",
				RecommendationProcess.VAR_OPINION, "未见落实成效，请补充");
		assertThat(pi).isWaitingAt(RecommendationProcess.TASK_REPLY);
		assertThat(reload(letter).getStatus()).isEqualTo(RecommendationLetter.Status.ISSUED);
		// The reply form shows the reasons; the verification's inputs stay with its task.
		assertThat(this.taskService.getVariable(task(letter, RecommendationProcess.TASK_REPLY).getId(),
				RecommendationProcess.VAR_OPINION))
			.isEqualTo("未见落实成效，请补充");
		assertThat(this.runtimeService.getVariable(pi.getId(), RecommendationProcess.VAR_OPINION)).isNull();
		// the next reply starts from the last one, to add to it
		assertThat(this.taskService.getVariable(task(letter, RecommendationProcess.TASK_REPLY).getId(),
				RecommendationProcess.VAR_REPLY_MEASURES))
			.isEqualTo("已修订考核办法");

		complete(letter, RecommendationProcess.TASK_REPLY, RecommendationProcess.VAR_REPLY_MEASURES, "已按新办法完成两轮考核");
		complete(letter, RecommendationProcess.TASK_VERIFY, RecommendationProcess.VAR_REPLY_ACCEPTED, "true",
				RecommendationProcess.VAR_OPINION, "整改到位");
		assertThat(pi).hasPassed(RecommendationProcess.EVENT_CLOSED).isEnded();
		assertThat(reload(letter).getStatus()).isEqualTo(RecommendationLetter.Status.ACCEPTED);
		List<RecommendationReply> replies = this.recommendations.replies(letter.getId());
		assertThat(replies).extracting(RecommendationReply::getVerdict).containsExactly("REJECTED", "ACCEPTED");
		assertThat(replies.get(0).getVerdictReason()).isEqualTo("未见落实成效，请补充");
	}

	@Test
	void shouldEscalateALateReplyToTheSupervisors() {
		RecommendationLetter letter = start();
		ProcessInstance pi = instance(letter);
		draft(letter, "u4");
		complete(letter, RecommendationProcess.TASK_APPROVE, RecommendationProcess.VAR_LETTER_APPROVED, "true",
				RecommendationProcess.VAR_OPINION, "同意");
		this.clock.fire(pi.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED);
		ProcessInstance ladder = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(pi.getId())
			.processDefinitionKey(EscalationProcess.KEY)
			.singleResult();
		Task supervise = this.taskService.createTaskQuery()
			.processInstanceId(ladder.getId())
			.taskDefinitionKey(EscalationProcess.TASK_SUPERVISE)
			.singleResult();
		assertThat(this.taskService.getIdentityLinksForTask(supervise.getId())).extracting(IdentityLink::getGroupId)
			.contains("supervisors");
		assertThat(reload(letter).isOverdue()).isTrue();
		assertThat(pi).isWaitingAt(RecommendationProcess.TASK_REPLY);
	}

	@Test
	void shouldStartFromACampaignFlagWithTheUnitAndProblemsFilledIn() {
		RecommendationLetter letter = this.proposals.proposeFromFlag(new LetterProposals.Proposal(77L,
				"analysis-flag/5", "u2", "同类问题在多个单位出现：文风会风改进不到位", "ZZ-2026-001-003", "discipline"));
		ProcessInstance pi = instance(letter);
		assertThat(pi).isWaitingAt(RecommendationProcess.TASK_DRAFT);
		assertThat(letter.getOrigin()).isEqualTo(RecommendationLetter.Origin.CAMPAIGN_FLAG);
		assertThat(letter.getCampaignId()).isEqualTo(77L);
		assertThat(this.runtimeService.getVariable(pi.getId(), RecommendationProcess.VAR_UNIT_CODE)).isEqualTo("u2");
		assertThat(this.runtimeService.getVariable(pi.getId(), RecommendationProcess.VAR_REPLY_WORKING_DAYS))
			.isEqualTo(30L);
	}

	private RecommendationLetter start() {
		this.identityService.setAuthentication("discipline", List.of(Roles.DISCIPLINE_GROUP));
		try {
			ProcessInstance pi = this.runtimeService.startProcessInstanceByKey(RecommendationProcess.KEY);
			return this.recommendations.findByCode(pi.getBusinessKey()).orElseThrow();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	/** Drafts as an integration still may: the lists as text, the basis as a code. */
	private void draft(RecommendationLetter letter, String unit) {
		complete(letter, RecommendationProcess.TASK_DRAFT, RecommendationProcess.VAR_LETTER_KIND, "DISCIPLINE",
				RecommendationProcess.VAR_UNIT_CODE, unit, RecommendationProcess.VAR_PROBLEMS, "环卫作业考核以会议落实会议，检查督导较少",
				RecommendationProcess.VAR_BASIS_REFS, "XS-2026-000001", RecommendationProcess.VAR_REQUIREMENTS,
				"一、修订考核办法；二、建立督办台账", RecommendationProcess.VAR_REPLY_WORKING_DAYS, 30L);
	}

	/** Drafts as the form does: rows, and the basis chosen among the options. */
	private void draftRows(RecommendationLetter letter, String unit, List<String> problems, List<String> basis,
			List<String> requirements) {
		complete(letter, RecommendationProcess.TASK_DRAFT, RecommendationProcess.VAR_LETTER_KIND, "DISCIPLINE",
				RecommendationProcess.VAR_UNIT_CODE, unit, RecommendationProcess.VAR_PROBLEMS, rows(problems),
				RecommendationProcess.VAR_BASIS_REFS, basis, RecommendationProcess.VAR_REQUIREMENTS, rows(requirements),
				RecommendationProcess.VAR_REPLY_WORKING_DAYS, 30L);
	}

	private static List<Map<String, String>> rows(List<String> items) {
		return items.stream().map((item) -> Map.of("item", item)).toList();
	}

	private RecommendationLetter reload(RecommendationLetter letter) {
		return this.recommendations.find(letter.getId()).orElseThrow();
	}

	private ProcessInstance instance(RecommendationLetter letter) {
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(letter.getProcessInstanceId())
			.singleResult();
	}

	private Task task(RecommendationLetter letter, String key) {
		return this.taskService.createTaskQuery()
			.processInstanceId(letter.getProcessInstanceId())
			.taskDefinitionKey(key)
			.singleResult();
	}

	private void complete(RecommendationLetter letter, String key, Object... keyValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		this.taskService.complete(task(letter, key).getId(), variables);
	}

}
