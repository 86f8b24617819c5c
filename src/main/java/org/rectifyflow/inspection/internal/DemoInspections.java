package org.rectifyflow.inspection.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.inspection.InspectionRegister;
import org.rectifyflow.taskrules.FormList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo inspections of the embedded default (after the demo campaign and clues): a
 * finished 明察 of u3 and u4 whose findings became a clue and a ledger entry, and a 暗访 of
 * u1 and u2 in its field work, whose drawn members find their tasks in Tasklist.
 * Idempotent: nothing is added when the demo titles exist.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "rectify.demo.enabled", havingValue = "true")
class DemoInspections implements ApplicationRunner {

	static final String FINISHED_TITLE = "惠农政策落实情况明察（示例）";

	static final String RUNNING_TITLE = "窗口服务作风暗访（示例）";

	private static final Logger logger = LoggerFactory.getLogger(DemoInspections.class);

	private final InspectionRegister inspections;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final WorkingDayCalendar calendar;

	DemoInspections(InspectionRegister inspections, RuntimeService runtimeService, TaskService taskService,
			WorkingDayCalendar calendar) {
		this.inspections = inspections;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.calendar = calendar;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.inspections.all().stream().anyMatch((i) -> FINISHED_TITLE.equals(i.getTitle()))) {
			return;
		}
		ZonedDateTime back = ZonedDateTime.now(this.calendar.zone()).minusWeeks(3).withHour(9).withMinute(0);
		ClockUtil.setCurrentTime(Date.from(back.toInstant()));
		try {
			finished(back.toLocalDate());
		}
		finally {
			ClockUtil.reset();
		}
		running(LocalDate.now(this.calendar.zone()));
		logger.info("Demo inspections ready: a finished 明察 and a 暗访 in field work");
	}

	private void finished(LocalDate today) {
		Inspection inspection = start();
		plan(inspection, Inspection.Kind.ANNOUNCED, FINISHED_TITLE, "u3,u4", today.plusDays(7));
		approve(inspection);
		List<Task> field = tasks(inspection, InspectionProcess.TASK_FIELD_WORK);
		Task first = field.get(0);
		complete(first,
				Map.of(InspectionProcess.VAR_FIELD_ACTION, "FINDING", InspectionProcess.VAR_FINDING_METHOD, "RECORDS",
						InspectionProcess.VAR_FINDING_PLACE, "XX镇农牧业综合服务站", InspectionProcess.VAR_FINDING_UNIT, "u3",
						InspectionProcess.VAR_FINDING_TYPE, "PROBLEM", InspectionProcess.VAR_FINDING_CATEGORY,
						"IMPLEMENT", InspectionProcess.VAR_FINDING_DESCRIPTION, "惠农补贴发放台账只有部署记录，没有督查督办记录，检查督导较少"));
		complete(task(inspection, first.getAssignee()),
				Map.of(InspectionProcess.VAR_FIELD_ACTION, "FINDING", InspectionProcess.VAR_FINDING_METHOD, "INTERVIEW",
						InspectionProcess.VAR_FINDING_PLACE, "XX嘎查田间地头", InspectionProcess.VAR_FINDING_UNIT, "u4",
						InspectionProcess.VAR_FINDING_TYPE, "CLUE", InspectionProcess.VAR_FINDING_PERSON, "某执法队员",
						InspectionProcess.VAR_FINDING_DESCRIPTION, "走访农牧民反映，有执法队员在检查中吃拿卡要"));
		for (Task task : tasks(inspection, InspectionProcess.TASK_FIELD_WORK)) {
			complete(task, Map.of(InspectionProcess.VAR_FIELD_ACTION, "DONE"));
		}
		complete(tasks(inspection, InspectionProcess.TASK_REPORT).get(0),
				Map.of(InspectionProcess.VAR_REPORT_SUMMARY, "本次明察调阅资料12份，走访农牧民20户，发现单位问题1个、问题线索1条，已分别移交。"));
	}

	private void running(LocalDate today) {
		Inspection inspection = start();
		plan(inspection, Inspection.Kind.UNANNOUNCED, RUNNING_TITLE, "u1,u2", this.calendar.plusWorkingDays(today, 10));
		approve(inspection);
	}

	private Inspection start() {
		ProcessInstance pi = this.runtimeService.startProcessInstanceByKey(InspectionProcess.KEY,
				Map.of(InspectionProcess.VAR_PLANNER, "discipline"));
		return this.inspections.findByCode(pi.getBusinessKey()).orElseThrow();
	}

	private void plan(Inspection inspection, Inspection.Kind kind, String title, String targets, LocalDate end) {
		Map<String, Object> plan = new HashMap<>();
		plan.put(InspectionProcess.VAR_KIND, kind.name());
		plan.put(InspectionProcess.VAR_TITLE, title);
		plan.put(InspectionProcess.VAR_TARGET_UNITS, targets);
		plan.put(InspectionProcess.VAR_PLACES,
				FormList.json(List.of(Map.of("place", "XX镇"), Map.of("place", "XX嘎查村"), Map.of("place", "田间地头"))));
		plan.put(InspectionProcess.VAR_PERIOD_START,
				ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toLocalDate().toString());
		plan.put(InspectionProcess.VAR_PERIOD_END, end.toString());
		plan.put(InspectionProcess.VAR_TEAM_SIZE, 2L);
		plan.put(InspectionProcess.VAR_FOCUS, FormList.values(List.of("IMPLEMENT")));
		complete(tasks(inspection, InspectionProcess.TASK_PLAN).get(0), plan);
	}

	private void approve(Inspection inspection) {
		complete(tasks(inspection, InspectionProcess.TASK_APPROVE_PLAN).get(0),
				Map.of(InspectionProcess.VAR_PLAN_DECISION, "APPROVE", InspectionProcess.VAR_OPINION, "同意，严格遵守检查纪律"));
	}

	private Task task(Inspection inspection, String assignee) {
		return tasks(inspection, InspectionProcess.TASK_FIELD_WORK).stream()
			.filter((t) -> assignee.equals(t.getAssignee()))
			.findFirst()
			.orElseThrow();
	}

	private List<Task> tasks(Inspection inspection, String key) {
		return this.taskService.createTaskQuery()
			.processInstanceId(inspection.getProcessInstanceId())
			.taskDefinitionKey(key)
			.list();
	}

	private void complete(Task task, Map<String, Object> variables) {
		this.taskService.complete(task.getId(), new HashMap<>(variables));
	}

}
