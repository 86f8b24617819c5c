package org.rectifyflow.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.campaign.internal.CampaignProcess;
import org.rectifyflow.campaign.internal.CrossAssignment;
import org.rectifyflow.campaign.internal.CrossInspection;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.recommendation.RecommendationProcess;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.rectifyflow.testsupport.EngineClock;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Walks {@code campaign.bpmn} through the engine: every phase, the approval loops, 自查 and
 * 互查 for five units, 全面剖析 with merge and reject, the ledger holding 问题整改 open, the
 * periodic analysis with a systemic flag, the regulation loop and the end.
 */
@RectifyFlowTest
class CampaignProcessTest {

	@RegisterExtension
	final EngineClock clock = EngineClock.startingAt(at(START).toInstant());

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 9, 0);

	static final List<String> UNITS = List.of("u1", "u2", "u3", "u4", "u5");

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private HistoryService historyService;

	@Autowired
	private CampaignService campaigns;

	@Autowired
	private CampaignPlanning planning;

	@Autowired
	private CampaignAnalysis analysis;

	@Autowired
	private CrossInspection crossInspection;

	@Autowired
	private ProblemIntake intake;

	@Autowired
	private LedgerService ledger;

	@Test
	void shouldStartFromTheFormsListsAndRecordTheStudySessionsAttendeesOneByOne() {
		Map<String, Object> start = startVariables("表单列表专项整治", null);
		start.remove("scopeUnits");
		start.put("basisDocuments",
				FormList.json(List.of(Map.of("title", "关于开展整治形式主义官僚主义专项行动的通知", "number", "中纪办〔2022〕8号"),
						Map.of("title", "本局实施意见", "number", ""))));
		ProcessInstance pi = this.runtimeService.startProcessInstanceByKey(CampaignProcess.KEY, start);
		Long campaignId = campaignId(pi);
		// The start form names no units: the plan starts with every active unit.
		assertThat(this.campaigns.scopeUnits(campaignId)).contains("u1", "u2", "u3", "u4", "u5");
		assertThat(this.campaigns.find(campaignId).orElseThrow().getBasisDocuments()).containsExactly(
				new BasisDocument("关于开展整治形式主义官僚主义专项行动的通知", "中纪办〔2022〕8号"), new BasisDocument("本局实施意见", null));

		Task study = task(pi, CampaignProcess.TASK_STUDY_SESSION);
		assertThat(this.taskService.getVariable(study.getId(), CampaignProcess.VAR_ATTENDEE_OPTIONS).toString())
			.contains("\"value\":\"u1lead\"", "（");
		assertThatThrownBy(() -> complete(pi, CampaignProcess.TASK_STUDY_SESSION, "studyDate", "2026-03-02",
				"attendees", FormList.values(List.of("u1lead", "nobody")), "materials", "文件"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("「参加人员」的选项无效：nobody");
		assertThatThrownBy(() -> complete(pi, CampaignProcess.TASK_STUDY_SESSION, "studyDate", "2026-03-02",
				"attendees", FormList.values(List.of()), "externalAttendees",
				FormList.json(List.of(Map.of("name", "", "unit", "市纪委"))), "materials", "文件"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("第1行「姓名」为必填项");
		assertThatThrownBy(() -> complete(pi, CampaignProcess.TASK_STUDY_SESSION, "studyDate", "2026-03-02",
				"attendees", FormList.values(List.of()), "materials", "文件"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("「参加人员」为必填项");
		complete(pi, CampaignProcess.TASK_STUDY_SESSION, "studyDate", "2026-03-02", "attendees",
				FormList.values(List.of("u1lead", "u2lead")), "externalAttendees",
				FormList.json(List.of(Map.of("name", "王明", "unit", "市纪委驻局纪检组"))), "materials", "文件");
		StudySession session = this.campaigns.studySessions(campaignId).get(0);
		assertThat(session.getAttendeeList()).extracting(StudySession.Attendee::getUserId)
			.containsExactly("u1lead", "u2lead", null);
		assertThat(session.getAttendeeList().get(2).label()).isEqualTo("王明（市纪委驻局纪检组）");
		assertThat(session.getAttendees()).contains("（", "、王明（市纪委驻局纪检组）").doesNotContain("u1lead");
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(pi.getId())
			.variableName(CampaignProcess.VAR_EXTERNAL_ATTENDEES)
			.count()).isZero();
	}

	@Test
	void shouldRunEveryPhaseToTheEnd() {
		ProcessInstance pi = start("整治形式主义官僚主义专项行动", UNITS);
		Long campaignId = campaignId(pi);
		Campaign campaign = this.campaigns.find(campaignId).orElseThrow();
		assertThat(campaign.getCode()).matches("ZZ-2026-\\d{3}");
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(pi.getId())
			.singleResult()
			.getBusinessKey()).isEqualTo(campaign.getCode());
		assertThat(campaign.getBasisDocuments()).extracting(BasisDocument::number).containsExactly("中纪办〔2022〕8号");
		assertThat(this.runtimeService.getVariables(pi.getId())).doesNotContainKeys("title", "basisDocuments",
				"scopeUnits", "selfInspectionDeadline");
		assertThat(pi).isWaitingAt(CampaignProcess.TASK_STUDY_SESSION).hasVariables("phase", "campaignName");

		// 动员部署, with the plan returned once
		complete(pi, CampaignProcess.TASK_STUDY_SESSION, "studyDate", "2026-03-01", "attendees", "局党组成员、各单位负责人",
				"materials", "中纪办〔2022〕8号文件精神");
		assertThat(this.campaigns.studySessions(campaignId)).hasSize(1);
		completePlan(pi, "u1,u2,u3,u4,u5");
		complete(pi, CampaignProcess.TASK_APPROVE_PLAN, "planApproved", false, "opinion", "请细化各阶段期限");
		assertThat(pi).isWaitingAt(CampaignProcess.TASK_DRAFT_PLAN);
		assertThat(this.campaigns.plan(campaignId).getStatus()).isEqualTo(CampaignPlan.Status.RETURNED);
		assertThat(this.taskService.getVariable(task(pi, CampaignProcess.TASK_DRAFT_PLAN).getId(), "info")).asString()
			.contains("请细化各阶段期限");
		completePlan(pi, "u1,u2,u3,u4,u5");
		complete(pi, CampaignProcess.TASK_APPROVE_PLAN, "planApproved", "true", "opinion", "同意");
		assertThat(pi).hasPassed(CampaignProcess.TASK_PUBLISH_PLAN);
		assertThat(this.campaigns.find(campaignId).orElseThrow().getPhase()).isEqualTo(Phase.INSPECT);
		assertThat(this.runtimeService.getVariable(pi.getId(), "phase")).isEqualTo("查找问题");

		// 自查: five units in parallel, each in its own group
		List<Task> selfTasks = tasks(pi, CampaignProcess.TASK_SELF_INSPECTION);
		assertThat(selfTasks).hasSize(5);
		assertThat(selfTasks).extracting(this::candidateGroup)
			.containsExactlyInAnyOrder("unit-u1", "unit-u2", "unit-u3", "unit-u4", "unit-u5");
		assertThat(selfTasks).allSatisfy((t) -> assertThat(t.getName()).startsWith("自查："));
		for (Task task : selfTasks) {
			String unit = candidateGroup(task).substring("unit-".length());
			String problems = switch (unit) {
				case "u1", "u2", "u3" -> "STYLE｜一般｜以会议落实会议，" + unit + "月度例会过多｜会议记录";
				case "u4" -> "RESEARCH|较重|调研报告未转化为措施";
				default -> "";
			};
			this.taskService.complete(task.getId(), Map.of("problems", problems));
		}
		assertThat(this.campaigns.problems(campaignId)).hasSize(4);

		// 互查: every unit inspected once, never by itself
		List<CrossAssignment> assignments = this.campaigns.crossAssignments(campaignId);
		assertThat(assignments).extracting(CrossAssignment::getInspectorUnit).containsExactlyElementsOf(UNITS);
		assertThat(assignments).extracting(CrossAssignment::getInspectedUnit)
			.containsExactlyInAnyOrderElementsOf(UNITS);
		assertThat(assignments).allSatisfy((a) -> assertThat(a.getInspectedUnit()).isNotEqualTo(a.getInspectorUnit()));
		List<Task> crossTasks = tasks(pi, CampaignProcess.TASK_CROSS_INSPECTION);
		assertThat(crossTasks).hasSize(5);
		for (Task task : crossTasks) {
			String inspector = candidateGroup(task).substring("unit-".length());
			String inspected = this.crossInspection.inspectedBy(campaignId, inspector);
			assertThat(task.getName())
				.isEqualTo("互查：" + this.campaigns.unitName(inspector) + "检查" + this.campaigns.unitName(inspected));
			assertThat(inspected).isNotEqualTo(inspector);
			String problems = "u5".equals(inspected) ? "DUTY｜严重｜重用轻管，干部监督缺位" : "";
			if ("u1".equals(inspected)) {
				problems = "STYLE-MEETINGS｜一般｜例会过多（与自查重复）";
			}
			this.taskService.complete(task.getId(), Map.of("problems", problems));
		}
		List<Problem> problems = this.campaigns.problems(campaignId);
		assertThat(problems).hasSize(6);
		Problem duplicate = problems.stream()
			.filter((p) -> p.getDescription().contains("重复"))
			.findFirst()
			.orElseThrow();
		assertThat(duplicate.getSource()).isEqualTo(Problem.Source.CROSS_INSPECTION);
		assertThat(duplicate.getInspectedByUnit()).isNotEqualTo("u1");
		Problem research = problems.stream().filter((p) -> p.getUnitCode().equals("u4")).findFirst().orElseThrow();

		// 全面剖析: undecided problems refuse the completion; then merge, reject, confirm the
		// rest
		assertThat(pi).isWaitingAt(CampaignProcess.TASK_REVIEW);
		Task review = task(pi, CampaignProcess.TASK_REVIEW);
		assertThatThrownBy(() -> this.taskService.complete(review.getId(), Map.of("decisions", "P001 确认")))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("未剖析");
		assertThat(this.campaigns.problems(campaignId)).allMatch((p) -> p.getStatus() == Problem.Status.REGISTERED);
		this.taskService.complete(review.getId(), Map.of("decisions",
				duplicate.getLabel() + " 合并 P001\n" + research.getLabel() + " 驳回 已在上级专项中整改\n其余 确认"));
		List<Problem> decided = this.campaigns.problems(campaignId);
		assertThat(decided).filteredOn((p) -> p.getStatus() == Problem.Status.CONFIRMED).hasSize(4);
		assertThat(this.campaigns.problems(campaignId).stream().filter((p) -> p.getId().equals(duplicate.getId())))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.getStatus()).isEqualTo(Problem.Status.MERGED);
				assertThat(p.getMergedIntoId()).isEqualTo(decided.get(0).getId());
			});
		assertThat(decided).filteredOn((p) -> p.getStatus() == Problem.Status.REJECTED)
			.singleElement()
			.satisfies((p) -> assertThat(p.getRejectReason()).isEqualTo("已在上级专项中整改"));

		// 问题整改: each confirmed problem its own rectification
		assertThat(pi).isWaitingAt(CampaignProcess.EVENT_LEDGER_CLOSED);
		assertThat(this.runtimeService.getVariable(pi.getId(), "phase")).isEqualTo("问题整改");
		List<LedgerEntry> entries = this.ledger.entries(campaignId);
		assertThat(entries).hasSize(4);
		assertThat(entries).allSatisfy((e) -> {
			assertThat(e.getCode()).startsWith(campaign.getCode() + "-");
			assertThat(this.runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(RectificationProcess.KEY)
				.processInstanceBusinessKey(e.getCode())
				.count()).isEqualTo(1);
		});

		// 分析研判 fires monthly while rectification runs; the systemic flag once
		fireAnalysis(pi);
		assertThat(tasks(pi, CampaignProcess.TASK_ANALYSIS_REVIEW)).hasSize(1);
		List<AnalysisFlag> flags = this.analysis.flags(campaignId);
		assertThat(flags).singleElement().satisfies((f) -> {
			assertThat(f.getKind()).isEqualTo(AnalysisFlag.Kind.SYSTEMIC);
			assertThat(f.getSubject()).isEqualTo("STYLE");
		});
		Task decideFlag = task(pi, CampaignProcess.TASK_DECIDE_FLAG);
		assertThat(candidateGroup(decideFlag)).isEqualTo("discipline-group");
		assertThat(this.taskService.getVariableLocal(decideFlag.getId(), CampaignProcess.VAR_UNIT_OPTIONS).toString())
			.as("the letter's unit is chosen among the scope units by name")
			.contains("{\"label\":\"" + this.campaigns.unitName(this.campaigns.scopeUnits(campaignId).get(0))
					+ "\",\"value\":\"" + this.campaigns.scopeUnits(campaignId).get(0) + "\"}");
		assertThat(this.analysis.snapshots(campaignId)).singleElement().satisfies((s) -> {
			assertThat(s.getEntriesTotal()).isEqualTo(4);
			assertThat(s.getByCategory()).contains("文风会风");
		});
		fireAnalysis(pi);
		assertThat(tasks(pi, CampaignProcess.TASK_ANALYSIS_REVIEW)).hasSize(2);
		assertThat(tasks(pi, CampaignProcess.TASK_DECIDE_FLAG)).hasSize(1);
		assertThat(this.analysis.snapshots(campaignId)).hasSize(2);
		for (Task task : tasks(pi, CampaignProcess.TASK_ANALYSIS_REVIEW)) {
			this.taskService.complete(task.getId(), Map.of("reviewNote", "整改总体有序推进"));
		}
		String letterUnit = this.campaigns.scopeUnits(campaignId).get(0);
		assertThatThrownBy(() -> this.taskService.complete(decideFlag.getId(),
				Map.of("decisionNote", "发建议书", "issueLetter", "true", "letterUnit", "u99")))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("不在本次整治范围内");
		this.taskService.complete(decideFlag.getId(),
				Map.of("decisionNote", "约谈相关单位负责人，并发出纪律检查建议书", "issueLetter", "true", "letterUnit", letterUnit));
		// The decision to issue a letter starts the recommendation process at its draft.
		ProcessInstance letter = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RecommendationProcess.KEY)
			.variableValueEquals("campaignId", campaignId)
			.singleResult();
		assertThat(letter).isNotNull();
		assertThat(letter).isWaitingAt(RecommendationProcess.TASK_DRAFT);
		assertThat(this.runtimeService.getVariable(letter.getId(), RecommendationProcess.VAR_UNIT_CODE))
			.isEqualTo(letterUnit);
		assertThat(this.analysis.flags(campaignId)).allMatch((f) -> f.getStatus() == AnalysisFlag.Status.DECIDED);

		// a later problem (from a clue) holds the phase open until its entry settles
		ProblemIntake.Receipt receipt = this.intake.take(new ProblemIntake.FoundProblem(campaignId, "u2", "DUTY",
				"群众反映窗口推诿扯皮", null, Problem.Severity.SERIOUS, Problem.Source.CLUE, "XS-2026-000001", false, "office"));
		assertThat(receipt.isTaken()).isTrue();
		Problem later = this.campaigns.findProblem(receipt.problemId()).orElseThrow();
		assertThat(later.getStatus()).isEqualTo(Problem.Status.CONFIRMED);
		assertThat(later.getLedgerEntryCode()).isNotNull();
		entries = this.ledger.entries(campaignId);
		assertThat(entries).hasSize(5);
		for (LedgerEntry entry : entries.subList(0, 4)) {
			closeEntry(entry);
		}
		assertThat(pi).isWaitingAt(CampaignProcess.EVENT_LEDGER_CLOSED);
		closeEntry(entries.get(4));
		assertThat(pi).hasPassed(CampaignProcess.SUBPROCESS_RECTIFY).isWaitingAt(CampaignProcess.TASK_DRAFT_REGULATION);
		assertThat(this.runtimeService.getVariable(pi.getId(), "phase")).isEqualTo("建章立制");

		// 建章立制: returned once, then approved
		complete(pi, CampaignProcess.TASK_DRAFT_REGULATION, "regulationTitle", "精简会议文件管理办法", "regulationBody",
				"一、严格控制会议数量……", "regulationProblems", "P001,P002", "moreRegulations", false);
		complete(pi, CampaignProcess.TASK_REVIEW_REGULATION, "regulationApproved", false, "opinion", "请补充无会日制度");
		assertThat(pi).isWaitingAt(CampaignProcess.TASK_DRAFT_REGULATION);
		Task redraft = task(pi, CampaignProcess.TASK_DRAFT_REGULATION);
		assertThat(this.taskService.getVariable(redraft.getId(), "regulationTitle")).isEqualTo("精简会议文件管理办法");
		// The problems are chosen among the confirmed ones; the returned draft's are
		// chosen
		// already.
		assertThat(this.taskService.getVariable(redraft.getId(), "regulationProblems").toString())
			.isEqualTo("[\"P001\",\"P002\"]");
		assertThat(this.taskService.getVariable(redraft.getId(), CampaignProcess.VAR_REGULATION_PROBLEM_OPTIONS)
			.toString()).contains("\"value\":\"P003\"", "\"label\":\"P003 ");
		assertThatThrownBy(() -> complete(pi, CampaignProcess.TASK_DRAFT_REGULATION, "regulationTitle", "精简会议文件管理办法",
				"regulationBody", "一、……", "regulationProblems", FormList.values(List.of("P001", "P999")),
				"moreRegulations", false))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("「针对的问题」的选项无效：P999");
		complete(pi, CampaignProcess.TASK_DRAFT_REGULATION, "regulationTitle", "精简会议文件管理办法", "regulationBody",
				"一、严格控制会议数量……二、每周一日无会日。", "regulationProblems", FormList.values(List.of("P001", "P002", "P003")),
				"moreRegulations", false);
		// a summary drafted for the report (its 下一步工作打算) is where the summary form starts
		this.planning.reviseSummary(campaignId, "（草稿）巩固整治成果。", "office");
		complete(pi, CampaignProcess.TASK_REVIEW_REGULATION, "regulationApproved", true, "opinion", "同意发布");
		assertThat(this.taskService.getVariable(task(pi, CampaignProcess.TASK_SUMMARY).getId(), "summary"))
			.isEqualTo("（草稿）巩固整治成果。");
		assertThat(this.campaigns.regulations(campaignId)).singleElement().satisfies((r) -> {
			assertThat(r.getStatus()).isEqualTo(Regulation.Status.PUBLISHED);
			assertThat(r.getProblemIds()).hasSize(3);
		});
		complete(pi, CampaignProcess.TASK_SUMMARY, "summary", "专项整治共查找问题 5 个，已全部整改到位。");
		assertThat(pi).isEnded();
		Campaign done = this.campaigns.find(campaignId).orElseThrow();
		assertThat(done.getStatus()).isEqualTo(Campaign.Status.COMPLETED);
		assertThat(done.getPhase()).isEqualTo(Phase.COMPLETED);
	}

	@Test
	void shouldSkipCrossInspectionForASingleUnit() {
		ProcessInstance pi = start("单一单位专项整治", List.of("u3"));
		toInspection(pi, "u3");
		this.taskService.complete(task(pi, CampaignProcess.TASK_SELF_INSPECTION).getId(), Map.of("problems", ""));
		assertThat(pi).hasPassed(CampaignProcess.TASK_ASSIGN_CROSS_INSPECTION)
			.hasNotPassed(CampaignProcess.TASK_CROSS_INSPECTION)
			.isWaitingAt(CampaignProcess.TASK_REVIEW);
		this.taskService.complete(task(pi, CampaignProcess.TASK_REVIEW).getId(), Map.of("decisions", ""));
		// No problem confirmed: nothing to rectify, straight to 建章立制.
		assertThat(pi).isWaitingAt(CampaignProcess.TASK_DRAFT_REGULATION);
	}

	@Test
	void shouldEscalateAnOverdueSelfInspection() {
		ProcessInstance pi = start("逾期自查专项整治", List.of("u1", "u2"));
		toInspection(pi, "u1,u2");
		Job deadline = this.managementService.createJobQuery()
			.processInstanceId(pi.getId())
			.activityId("Timer_DeadlinePassed")
			.singleResult();
		assertThat(deadline.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 13, 18, 0)));
		this.clock.set(deadline.getDuedate());
		this.managementService.executeJob(deadline.getId());
		assertThat(this.runtimeService.getVariable(pi.getId(), "overdue")).isEqualTo(true);
		assertThat(tasks(pi, CampaignProcess.TASK_SELF_INSPECTION)).hasSize(2);
		for (Task task : tasks(pi, CampaignProcess.TASK_SELF_INSPECTION)) {
			this.taskService.complete(task.getId(), Map.of("problems", ""));
		}
		assertThat(pi).isWaitingAt(CampaignProcess.TASK_CROSS_INSPECTION);
		assertThat(this.runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count())
			.isZero();
	}

	@Test
	void shouldRefuseBadInputAndStoreNothing() {
		long before = this.campaigns.all().size();
		Map<String, Object> past = startVariables("过期专项整治", "u1,u2");
		past.put("selfInspectionDeadline", "2026-02-27");
		assertThatThrownBy(() -> this.runtimeService.startProcessInstanceByKey(CampaignProcess.KEY, past))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("不能早于当前日期");
		Map<String, Object> unknownUnit = startVariables("范围有误的专项整治", "u1,u99");
		assertThatThrownBy(() -> this.runtimeService.startProcessInstanceByKey(CampaignProcess.KEY, unknownUnit))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("u99");
		assertThat(this.campaigns.all()).hasSize((int) before);

		ProcessInstance pi = start("输入校验专项整治", List.of("u1", "u2"));
		Long campaignId = campaignId(pi);
		Task study = task(pi, CampaignProcess.TASK_STUDY_SESSION);
		assertThatThrownBy(
				() -> this.taskService.complete(study.getId(), Map.of("studyDate", "2026-03-01", "materials", "文件")))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("参加人员");
		assertThat(pi).isWaitingAt(CampaignProcess.TASK_STUDY_SESSION);
		assertThat(this.campaigns.studySessions(campaignId)).isEmpty();

		complete(pi, CampaignProcess.TASK_STUDY_SESSION, "studyDate", "2026-03-01", "attendees", "全体", "materials",
				"文件");
		Task plan = task(pi, CampaignProcess.TASK_DRAFT_PLAN);
		Map<String, Object> pastPlan = planVariables("u1,u2");
		pastPlan.put("reviewDeadline", "2026-03-01");
		assertThatThrownBy(() -> this.taskService.complete(plan.getId(), pastPlan))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("全面剖析期限");
		assertThat(this.campaigns.plan(campaignId).getStatus()).isEqualTo(CampaignPlan.Status.DRAFT);
		assertThat(pi).isWaitingAt(CampaignProcess.TASK_DRAFT_PLAN);

		this.taskService.complete(plan.getId(), planVariables("u1,u2"));
		complete(pi, CampaignProcess.TASK_APPROVE_PLAN, "planApproved", true, "opinion", "同意");
		Task self = tasks(pi, CampaignProcess.TASK_SELF_INSPECTION).get(0);
		assertThatThrownBy(
				() -> this.taskService.complete(self.getId(), Map.of("problems", "STYLE｜一般｜例会过多\nNOPE｜一般｜未知类别")))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("第2行");
		assertThat(this.campaigns.problems(campaignId)).isEmpty();
		assertThat(this.taskService.createTaskQuery().taskId(self.getId()).count()).isEqualTo(1);

		ProblemIntake.Receipt refused = this.intake.take(new ProblemIntake.FoundProblem(campaignId, "u3", "STYLE",
				"范围外单位的问题", null, Problem.Severity.MINOR, Problem.Source.INSPECTION, null, false, "office"));
		assertThat(refused.isTaken()).isFalse();
		assertThat(refused.refusal()).isInstanceOf(TaskRuleViolation.class).hasMessageContaining("不在本次整治范围内");
		assertThatThrownBy(refused::orElseThrow).isSameAs(refused.refusal());
		assertThat(this.campaigns.problems(campaignId)).isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	private void fireAnalysis(ProcessInstance pi) {
		this.clock.fire(pi.getId(), CampaignProcess.TIMER_ANALYSIS);
	}

	private void closeEntry(LedgerEntry entry) {
		String person = entry.getUnitCode();
		completeEntry(entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE, RectificationProcess.VAR_RESPONSIBLE_PERSON,
				person);
		completeEntry(entry, RectificationProcess.TASK_DRAFT_MEASURES, RectificationProcess.VAR_MEASURES, "制定整改措施",
				RectificationProcess.VAR_WORKING_DAYS, 5);
		completeEntry(entry, RectificationProcess.TASK_APPROVE_MEASURES, RectificationProcess.VAR_MEASURES_APPROVED,
				true, RectificationProcess.VAR_OPINION, "同意");
		completeEntry(entry, RectificationProcess.TASK_RECTIFY, RectificationProcess.VAR_RECTIFY_ACTION, "CLOSURE",
				RectificationProcess.VAR_EVIDENCE_NOTE, "整改材料已归档");
		completeEntry(entry, RectificationProcess.TASK_ACCEPT_CLOSURE, RectificationProcess.VAR_CLOSURE_ACCEPTED, true,
				RectificationProcess.VAR_OPINION, "予以销号");
	}

	private void completeEntry(LedgerEntry entry, String taskKey, Object... keyValues) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(entry.getCode())
			.taskDefinitionKey(taskKey)
			.singleResult();
		assertThat(task).as("%s of %s", taskKey, entry.getCode()).isNotNull();
		this.taskService.complete(task.getId(), map(keyValues));
	}

	ProcessInstance start(String title, List<String> units) {
		return this.runtimeService.startProcessInstanceByKey(CampaignProcess.KEY,
				startVariables(title, String.join(",", units)));
	}

	void toInspection(ProcessInstance pi, String units) {
		complete(pi, CampaignProcess.TASK_STUDY_SESSION, "studyDate", "2026-03-02", "attendees", "全体", "materials",
				"文件");
		completePlan(pi, units);
		complete(pi, CampaignProcess.TASK_APPROVE_PLAN, "planApproved", true, "opinion", "同意");
	}

	static Map<String, Object> startVariables(String title, String units) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("title", title);
		variables.put("basisDocuments", "关于开展整治形式主义官僚主义专项行动的通知（中纪办〔2022〕8号）");
		variables.put("scopeUnits", units);
		variables.put("selfInspectionDeadline", "2026-03-13");
		variables.put("crossInspectionDeadline", "2026-03-20");
		variables.put("reviewDeadline", "2026-03-27");
		variables.put("rectificationDeadline", "2026-06-30");
		variables.put("regulationDeadline", "2026-07-31");
		return variables;
	}

	static Map<String, Object> planVariables(String units) {
		Map<String, Object> variables = startVariables(null, units);
		variables.remove("title");
		variables.remove("basisDocuments");
		variables.put("categories", "DECISION,RESEARCH,IMPLEMENT,STYLE,DUTY");
		return variables;
	}

	private void completePlan(ProcessInstance pi, String units) {
		this.taskService.complete(task(pi, CampaignProcess.TASK_DRAFT_PLAN).getId(), planVariables(units));
	}

	private void complete(ProcessInstance pi, String taskKey, Object... keyValues) {
		this.taskService.complete(task(pi, taskKey).getId(), map(keyValues));
	}

	private static Map<String, Object> map(Object... keyValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		return variables;
	}

	private Task task(ProcessInstance pi, String taskKey) {
		List<Task> tasks = tasks(pi, taskKey);
		assertThat(tasks).as("tasks %s", taskKey).hasSize(1);
		return tasks.get(0);
	}

	private List<Task> tasks(ProcessInstance pi, String taskKey) {
		return this.taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).list();
	}

	private String candidateGroup(Task task) {
		return this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((l) -> l.getGroupId() != null)
			.map((l) -> l.getGroupId())
			.findFirst()
			.orElse(null);
	}

	private Long campaignId(ProcessInstance pi) {
		return (Long) this.runtimeService.getVariable(pi.getId(), CampaignProcess.VAR_CAMPAIGN_ID);
	}

	static Date at(LocalDateTime time) {
		return Date.from(time.atZone(SHANGHAI).toInstant());
	}

	static LocalDate today() {
		return START.toLocalDate();
	}

}
