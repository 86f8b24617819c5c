package org.rectifyflow.campaign;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.campaign.internal.CampaignProcess;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.testsupport.ProcessFixture;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign process in the operations matrix, on a campaign over u1, u2 and u3 whose
 * phase deadlines lie ahead of the engine clock, driven through its real steps: the study
 * session, the plan approved, 自查 with a 文风会风 problem in each unit (so that 分析研判 raises a
 * systemic flag), 互查 without findings, 全面剖析 confirming the problems, then either the
 * analysis timer fired (整治办分析研判 and 决定是否发出建议书) or every ledger entry's rectification
 * closed (建章立制, 党组审定制度, 整治工作总结). The campaign's phase follows the task it waits at.
 */
@Component
public class CampaignFixture implements ProcessFixture {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final String SCOPE = "u1,u2,u3";

	private static final List<String> ORDER = List.of(CampaignProcess.TASK_STUDY_SESSION,
			CampaignProcess.TASK_DRAFT_PLAN, CampaignProcess.TASK_APPROVE_PLAN, CampaignProcess.TASK_SELF_INSPECTION,
			CampaignProcess.TASK_CROSS_INSPECTION, CampaignProcess.TASK_REVIEW, CampaignProcess.TASK_ANALYSIS_REVIEW,
			CampaignProcess.TASK_DECIDE_FLAG, CampaignProcess.TASK_DRAFT_REGULATION,
			CampaignProcess.TASK_REVIEW_REGULATION, CampaignProcess.TASK_SUMMARY);

	/** The tasks of 分析研判, which runs alongside 问题整改 and not on the way to 建章立制. */
	private static final List<String> ANALYSIS = List.of(CampaignProcess.TASK_ANALYSIS_REVIEW,
			CampaignProcess.TASK_DECIDE_FLAG);

	private static final Map<String, Phase> PHASE_AT = Map.ofEntries(
			Map.entry(CampaignProcess.TASK_STUDY_SESSION, Phase.MOBILIZE),
			Map.entry(CampaignProcess.TASK_DRAFT_PLAN, Phase.MOBILIZE),
			Map.entry(CampaignProcess.TASK_APPROVE_PLAN, Phase.MOBILIZE),
			Map.entry(CampaignProcess.TASK_SELF_INSPECTION, Phase.INSPECT),
			Map.entry(CampaignProcess.TASK_CROSS_INSPECTION, Phase.INSPECT),
			Map.entry(CampaignProcess.TASK_REVIEW, Phase.INSPECT),
			Map.entry(CampaignProcess.TASK_ANALYSIS_REVIEW, Phase.RECTIFY),
			Map.entry(CampaignProcess.TASK_DECIDE_FLAG, Phase.RECTIFY),
			Map.entry(CampaignProcess.TASK_DRAFT_REGULATION, Phase.INSTITUTIONALIZE),
			Map.entry(CampaignProcess.TASK_REVIEW_REGULATION, Phase.INSTITUTIONALIZE),
			Map.entry(CampaignProcess.TASK_SUMMARY, Phase.INSTITUTIONALIZE));

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final ManagementService managementService;

	private final CampaignService campaigns;

	private final CampaignAnalysis analysis;

	private final LedgerService ledger;

	CampaignFixture(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
			ManagementService managementService, CampaignService campaigns, CampaignAnalysis analysis,
			LedgerService ledger) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.historyService = historyService;
		this.managementService = managementService;
		this.campaigns = campaigns;
		this.analysis = analysis;
		this.ledger = ledger;
	}

	@Override
	public String processKey() {
		return CampaignProcess.KEY;
	}

	@Override
	public String reach(String taskKey) {
		Map<String, Object> start = deadlines();
		start.put("title", "整治形式主义官僚主义专项行动");
		start.put("basisDocuments", "关于开展整治形式主义官僚主义专项行动的通知（中纪办〔2022〕8号）");
		String id = this.runtimeService.startProcessInstanceByKey(CampaignProcess.KEY, start).getId();
		for (String step : ORDER.subList(0, ORDER.indexOf(taskKey))) {
			if (ANALYSIS.contains(step)) {
				continue;
			}
			List<Task> tasks = this.taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey(step).list();
			assertThat(tasks).as(step + " on the way to " + taskKey).isNotEmpty();
			for (Task task : tasks) {
				this.taskService.complete(task.getId(), completion(task));
			}
			if (step.equals(CampaignProcess.TASK_REVIEW)) {
				if (ANALYSIS.contains(taskKey)) {
					fireAnalysis(id);
				}
				else {
					closeLedger(id);
				}
			}
		}
		return id;
	}

	private void fireAnalysis(String processInstanceId) {
		Job timer = this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(CampaignProcess.TIMER_ANALYSIS)
			.singleResult();
		assertThat(timer).as("分析研判 timer of " + processInstanceId).isNotNull();
		this.managementService.executeJob(timer.getId());
	}

	/**
	 * Works every ledger entry of the campaign off to its closure, as its units would.
	 */
	private void closeLedger(String processInstanceId) {
		Long campaignId = (Long) this.runtimeService.getVariable(processInstanceId, CampaignProcess.VAR_CAMPAIGN_ID);
		List<LedgerEntry> entries = this.ledger.entries(campaignId);
		assertThat(entries).as("ledger of campaign " + campaignId).isNotEmpty();
		for (LedgerEntry entry : entries) {
			completeEntry(entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE,
					Map.of(RectificationProcess.VAR_RESPONSIBLE_PERSON, entry.getUnitCode()));
			completeEntry(entry, RectificationProcess.TASK_DRAFT_MEASURES,
					Map.of(RectificationProcess.VAR_MEASURES, "精简会议文件", RectificationProcess.VAR_WORKING_DAYS, 5));
			completeEntry(entry, RectificationProcess.TASK_APPROVE_MEASURES,
					Map.of(RectificationProcess.VAR_MEASURES_APPROVED, true, RectificationProcess.VAR_OPINION, "同意"));
			completeEntry(entry, RectificationProcess.TASK_RECTIFY, Map.of(RectificationProcess.VAR_RECTIFY_ACTION,
					RectificationProcess.Action.CLOSURE.name(), RectificationProcess.VAR_EVIDENCE_NOTE, "整改材料已归档"));
			completeEntry(entry, RectificationProcess.TASK_ACCEPT_CLOSURE,
					Map.of(RectificationProcess.VAR_CLOSURE_ACCEPTED, true, RectificationProcess.VAR_OPINION, "予以销号"));
		}
	}

	private void completeEntry(LedgerEntry entry, String taskKey, Map<String, Object> variables) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(entry.getCode())
			.taskDefinitionKey(taskKey)
			.singleResult();
		assertThat(task).as(taskKey + " of " + entry.getCode()).isNotNull();
		this.taskService.complete(task.getId(), variables);
	}

	private static Map<String, Object> deadlines() {
		LocalDate today = today();
		Map<String, Object> variables = new HashMap<>();
		variables.put("scopeUnits", SCOPE);
		variables.put("selfInspectionDeadline", weekday(today.plusDays(14)));
		variables.put("crossInspectionDeadline", weekday(today.plusDays(28)));
		variables.put("reviewDeadline", weekday(today.plusDays(42)));
		variables.put("rectificationDeadline", weekday(today.plusDays(180)));
		variables.put("regulationDeadline", weekday(today.plusDays(210)));
		return variables;
	}

	private static LocalDate today() {
		return LocalDate.ofInstant(EngineClock.now().toInstant(), SHANGHAI);
	}

	private static String weekday(LocalDate date) {
		LocalDate day = date;
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day.toString();
	}

	@Override
	public Map<String, Object> completion(Task task) {
		return switch (task.getTaskDefinitionKey()) {
			case CampaignProcess.TASK_STUDY_SESSION ->
				Map.of("studyDate", today().toString(), "attendees", "局党组成员、各单位负责人", "materials", "中纪办〔2022〕8号文件精神");
			case CampaignProcess.TASK_DRAFT_PLAN -> {
				Map<String, Object> plan = deadlines();
				plan.put("categories", "DECISION,RESEARCH,IMPLEMENT,STYLE,DUTY");
				yield plan;
			}
			case CampaignProcess.TASK_APPROVE_PLAN -> Map.of("planApproved", true, "opinion", "同意");
			case CampaignProcess.TASK_SELF_INSPECTION -> {
				String unit = (String) this.taskService.getVariable(task.getId(), CampaignProcess.VAR_UNIT_CODE);
				yield Map.of("problems", "STYLE｜一般｜以会议落实会议，" + unit + "月度例会过多｜会议记录");
			}
			case CampaignProcess.TASK_CROSS_INSPECTION -> Map.of("problems", "");
			case CampaignProcess.TASK_REVIEW -> Map.of("decisions", "其余 确认");
			case CampaignProcess.TASK_ANALYSIS_REVIEW -> Map.of("reviewNote", "整改总体有序推进");
			case CampaignProcess.TASK_DECIDE_FLAG -> Map.of("decisionNote", "约谈相关单位负责人", "issueLetter", "false");
			case CampaignProcess.TASK_DRAFT_REGULATION -> Map.of("regulationTitle", "精简会议文件管理办法", "regulationBody",
					"一、严格控制会议数量……", "regulationProblems", FormList.values(List.of("P001")), "moreRegulations", false);
			case CampaignProcess.TASK_REVIEW_REGULATION -> Map.of("regulationApproved", true, "opinion", "同意发布");
			case CampaignProcess.TASK_SUMMARY -> Map.of("summary", "专项整治共查找问题 3 个，已全部整改到位。");
			default -> throw new IllegalArgumentException(task.getTaskDefinitionKey());
		};
	}

	@Override
	public void assertConsistent(String processInstanceId) {
		String code = this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult()
			.getBusinessKey();
		Campaign campaign = this.campaigns.findByCode(code).orElseThrow();
		List<Task> open = this.taskService.createTaskQuery().processInstanceId(processInstanceId).list();
		boolean running = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.count() > 0;
		if (!running) {
			assertThat(campaign.getStatus()).as(code + " ended").isEqualTo(Campaign.Status.COMPLETED);
			assertThat(this.campaigns.regulations(campaign.getId())).extracting(Regulation::getStatus)
				.as(code + " regulations")
				.containsOnly(Regulation.Status.PUBLISHED);
			assertThat(campaign.getPhase()).as(code + " ended").isEqualTo(Phase.COMPLETED);
			return;
		}
		if (open.isEmpty()) {
			assertThat(campaign.getPhase()).as(code + " waits for its ledger").isEqualTo(Phase.RECTIFY);
			assertThat(this.ledger.allSettled(campaign.getId())).as(code + " ledger settled").isFalse();
			return;
		}
		assertThat(this.campaigns.problems(campaign.getId()))
			.filteredOn((p) -> p.getSource() == Problem.Source.SELF_INSPECTION)
			.as(code + ": one problem of each 自查 done")
			.hasSize((int) this.historyService.createHistoricTaskInstanceQuery()
				.processInstanceId(processInstanceId)
				.taskDefinitionKey(CampaignProcess.TASK_SELF_INSPECTION)
				.finished()
				.count());
		for (Task task : open) {
			String key = task.getTaskDefinitionKey();
			assertThat(campaign.getPhase()).as(code + " at " + key).isEqualTo(PHASE_AT.get(key));
			if (ORDER.indexOf(key) > ORDER.indexOf(CampaignProcess.TASK_DRAFT_PLAN)) {
				assertThat(this.campaigns.plan(campaign.getId()).getStatus()).as(code + " plan at " + key)
					.isEqualTo(key.equals(CampaignProcess.TASK_APPROVE_PLAN) ? CampaignPlan.Status.SUBMITTED
							: CampaignPlan.Status.PUBLISHED);
			}
			if (key.equals(CampaignProcess.TASK_REVIEW_REGULATION)) {
				assertThat(this.campaigns.regulations(campaign.getId())).extracting(Regulation::getStatus)
					.as(code + " regulations at " + key)
					.containsOnlyOnce(Regulation.Status.SUBMITTED);
			}
			if (key.equals(CampaignProcess.TASK_SUMMARY)) {
				assertThat(this.campaigns.regulations(campaign.getId())).extracting(Regulation::getStatus)
					.as(code + " regulations at " + key)
					.isNotEmpty()
					.containsOnly(Regulation.Status.PUBLISHED);
			}
			if (task.getTaskDefinitionKey().equals(CampaignProcess.TASK_DECIDE_FLAG)) {
				Long flagId = (Long) this.taskService.getVariable(task.getId(), CampaignProcess.VAR_FLAG_ID);
				assertThat(this.analysis.flags(campaign.getId())).filteredOn((f) -> f.getId().equals(flagId))
					.singleElement()
					.satisfies((f) -> assertThat(f.getStatus()).isEqualTo(AnalysisFlag.Status.OPEN));
			}
		}
	}

}
