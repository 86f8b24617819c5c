package org.rectifyflow.campaign;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.testsupport.ProcessFixture;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign process in the operations matrix, for its 动员部署 tasks (记录集中学习, 起草整治方案,
 * 党组审定整治方案) on a campaign over u1 and u2 whose phase deadlines lie ahead of the engine
 * clock; the plan's approval is completed by returning it, so that the campaign stays in
 * 动员部署. Every later task is reached only through the whole self- and cross-inspection of
 * every unit in scope (and the ledger, the analysis, the regulations after them): it is
 * skipped with that reason.
 */
@Component
public class CampaignFixture implements ProcessFixture {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final List<String> ORDER = List.of(CampaignProcess.TASK_STUDY_SESSION,
			CampaignProcess.TASK_DRAFT_PLAN, CampaignProcess.TASK_APPROVE_PLAN);

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final CampaignService campaigns;

	CampaignFixture(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
			CampaignService campaigns) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.historyService = historyService;
		this.campaigns = campaigns;
	}

	@Override
	public String processKey() {
		return CampaignProcess.KEY;
	}

	@Override
	public String skipReason(String taskKey) {
		if (ORDER.contains(taskKey)) {
			return null;
		}
		return switch (taskKey) {
			case CampaignProcess.TASK_SELF_INSPECTION ->
				"one task per unit in scope after the plan's publication, with deadline timers; not driven yet";
			case CampaignProcess.TASK_CROSS_INSPECTION, CampaignProcess.TASK_REVIEW ->
				"reached only after every unit's self-inspection";
			default -> "reached only after the inspection phase and the ledger of its problems";
		};
	}

	@Override
	public String reach(String taskKey) {
		Map<String, Object> start = deadlines();
		start.put("title", "整治形式主义官僚主义专项行动");
		start.put("basisDocuments", "关于开展整治形式主义官僚主义专项行动的通知（中纪办〔2022〕8号）");
		String id = this.runtimeService.startProcessInstanceByKey(CampaignProcess.KEY, start).getId();
		for (String step : ORDER.subList(0, ORDER.indexOf(taskKey))) {
			Task task = this.taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey(step).singleResult();
			this.taskService.complete(task.getId(), completion(task));
		}
		return id;
	}

	private static Map<String, Object> deadlines() {
		LocalDate today = today();
		Map<String, Object> variables = new HashMap<>();
		variables.put("scopeUnits", "u1,u2");
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
			case CampaignProcess.TASK_APPROVE_PLAN -> Map.of("planApproved", false, "opinion", "请细化各阶段期限");
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
		assertThat(open).as(code + " waits in 动员部署").isNotEmpty();
		for (Task task : open) {
			assertThat(task.getTaskDefinitionKey()).isIn(ORDER);
			assertThat(campaign.getPhase()).as(code + " at " + task.getTaskDefinitionKey()).isEqualTo(Phase.MOBILIZE);
		}
	}

}
