package org.rectifyflow.campaign.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo campaign on the embedded default, already in 问题整改: problems from each unit, a
 * ledger where one entry is closed, some run on time and some are overdue with their
 * escalations due. It is driven through the engine with the engine clock set six weeks
 * back, so the overdue timers are due and the job executor fires them right after the
 * start. Loaded once: skipped when the demo campaign exists.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "rectify.demo.enabled", havingValue = "true")
public class CampaignDemoData implements ApplicationRunner {

	public static final String TITLE = "整治形式主义官僚主义专项行动（示例）";

	private static final Logger logger = LoggerFactory.getLogger(CampaignDemoData.class);

	private final CampaignService campaigns;

	private final LedgerService ledger;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final WorkingDayCalendar calendar;

	private final CrossInspection crossInspection;

	CampaignDemoData(CampaignService campaigns, LedgerService ledger, RuntimeService runtimeService,
			TaskService taskService, WorkingDayCalendar calendar, CrossInspection crossInspection) {
		this.calendar = calendar;
		this.crossInspection = crossInspection;
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.campaigns.all().stream().anyMatch((c) -> TITLE.equals(c.getTitle()))) {
			return;
		}
		ZonedDateTime back = ZonedDateTime.now(this.calendar.zone()).minusWeeks(6).withHour(9).withMinute(0);
		ClockUtil.setCurrentTime(Date.from(back.toInstant()));
		try {
			drive(back.toLocalDate());
		}
		finally {
			ClockUtil.reset();
		}
	}

	private void drive(LocalDate start) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(CampaignProcess.VAR_TITLE, TITLE);
		variables.put(CampaignProcess.VAR_BASIS_DOCUMENTS,
				"关于贯彻落实《整治形式主义为基层减负若干规定》的通知｜中纪办〔2022〕8号\n关于持续解决困扰基层的形式主义问题的通知");
		variables.put(CampaignProcess.VAR_SCOPE_UNITS, "u1,u2,u3,u4,u5");
		variables.putAll(deadlines(start));
		String pid = this.runtimeService.startProcessInstanceByKey(CampaignProcess.KEY, variables).getId();
		Long campaignId = (Long) this.runtimeService.getVariable(pid, CampaignProcess.VAR_CAMPAIGN_ID);
		complete(pid, CampaignProcess.TASK_STUDY_SESSION, Map.of("studyDate", start.toString(), "attendees",
				"局党组成员、各二级单位主要负责人", "materials", "中纪办〔2022〕8号文件；习近平总书记关于整治形式主义官僚主义的重要论述"));
		Map<String, Object> plan = new HashMap<>(deadlines(start));
		plan.put(CampaignProcess.VAR_SCOPE_UNITS, "u1,u2,u3,u4,u5");
		plan.put(CampaignProcess.VAR_CATEGORIES, "DECISION,RESEARCH,IMPLEMENT,STYLE,DUTY");
		complete(pid, CampaignProcess.TASK_DRAFT_PLAN, plan);
		complete(pid, CampaignProcess.TASK_APPROVE_PLAN, Map.of("planApproved", true, "opinion", "同意，按方案组织实施"));
		Map<String, String> selfProblems = Map.of("u1", "STYLE｜一般｜以会议落实会议，周例会、调度会重复召开｜会议记录", "u2",
				"STYLE-DOCUMENTS｜一般｜以文件落实文件，转发文件未结合实际提出措施", "u3", "STYLE｜较重｜会议材料冗长，照搬照抄上级文件", "u4",
				"RESEARCH｜一般｜一般性调研多，带着问题的专题调研少", "u5", "DUTY｜较重｜窗口服务存在推诿扯皮现象");
		for (Task task : tasks(pid, CampaignProcess.TASK_SELF_INSPECTION)) {
			String unit = (String) this.taskService.getVariable(task.getId(), CampaignProcess.VAR_UNIT_CODE);
			this.taskService.complete(task.getId(), Map.of(CampaignProcess.VAR_PROBLEMS, selfProblems.get(unit)));
		}
		for (Task task : tasks(pid, CampaignProcess.TASK_CROSS_INSPECTION)) {
			String inspector = (String) this.taskService.getVariable(task.getId(), CampaignProcess.VAR_INSPECTOR_UNIT);
			String problems = "u1".equals(this.crossInspection.inspectedBy(campaignId, inspector))
					? "IMPLEMENT｜一般｜重点工作部署多、督查督办少" : "";
			this.taskService.complete(task.getId(), Map.of(CampaignProcess.VAR_PROBLEMS, problems));
		}
		complete(pid, CampaignProcess.TASK_REVIEW, Map.of(CampaignProcess.VAR_DECISIONS, "其余 确认"));
		List<LedgerEntry> entries = this.ledger.entries(campaignId);
		int overdueWorkingDays = Math.max(1,
				this.calendar.workingDaysBetween(start, LocalDate.now(this.calendar.zone())) - 2);
		for (int i = 0; i < entries.size(); i++) {
			LedgerEntry entry = entries.get(i);
			String unit = entry.getUnitCode();
			completeEntry(entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE,
					Map.of(RectificationProcess.VAR_RESPONSIBLE_PERSON, unit));
			if (i == entries.size() - 1) {
				continue; // waiting for its measures
			}
			// Overdue ones passed their deadline two working days ago, so that only the
			// first
			// escalation level (督办 for supervisors) is raised at start; forty are not
			// due.
			int workingDays = (i % 2 == 0) ? overdueWorkingDays : 40;
			completeEntry(entry, RectificationProcess.TASK_DRAFT_MEASURES, Map.of(RectificationProcess.VAR_MEASURES,
					"制定整改清单，明确时间节点，建立长效机制", RectificationProcess.VAR_WORKING_DAYS, workingDays));
			completeEntry(entry, RectificationProcess.TASK_APPROVE_MEASURES,
					// approving needs no typed opinion: the leader picks 同意
					Map.of(RectificationProcess.VAR_MEASURES_APPROVED, true));
			if (i == 1) {
				completeEntry(entry, RectificationProcess.TASK_RECTIFY, Map.of(RectificationProcess.VAR_RECTIFY_ACTION,
						"CLOSURE", RectificationProcess.VAR_EVIDENCE_NOTE, "已印发会议精简办法，佐证材料已归档"));
				completeEntry(entry, RectificationProcess.TASK_ACCEPT_CLOSURE,
						Map.of(RectificationProcess.VAR_CLOSURE_ACCEPTED, true, RectificationProcess.VAR_OPINION,
								"整改到位，予以销号"));
			}
		}
		logger.info("Demo campaign {} created in phase 问题整改 with {} ledger entries",
				this.runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey(),
				entries.size());
	}

	private static Map<String, Object> deadlines(LocalDate start) {
		return Map.of(CampaignProcess.VAR_SELF_INSPECTION_DEADLINE, start.plusDays(7).toString(),
				CampaignProcess.VAR_CROSS_INSPECTION_DEADLINE, start.plusDays(14).toString(),
				CampaignProcess.VAR_REVIEW_DEADLINE, start.plusDays(21).toString(),
				CampaignProcess.VAR_RECTIFICATION_DEADLINE, start.plusDays(120).toString(),
				CampaignProcess.VAR_REGULATION_DEADLINE, start.plusDays(150).toString());
	}

	private void complete(String pid, String taskKey, Map<String, Object> variables) {
		tasks(pid, taskKey).forEach((t) -> this.taskService.complete(t.getId(), variables));
	}

	private List<Task> tasks(String pid, String taskKey) {
		return this.taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).list();
	}

	private void completeEntry(LedgerEntry entry, String taskKey, Map<String, Object> variables) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(entry.getCode())
			.taskDefinitionKey(taskKey)
			.singleResult();
		if (task == null) {
			throw new IllegalStateException("demo: no task " + taskKey + " for " + entry.getCode());
		}
		this.taskService.complete(task.getId(), variables);
	}

}
