package org.rectifyflow.inspection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.identity.Roles;

import org.springframework.stereotype.Component;

/**
 * Drives inspection instances through their user tasks in tests, with the demo
 * organisation (units u1..u5, discipline-group: discipline, discipline2).
 */
@Component
class InspectionDriver {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final InspectionRegister inspections;

	InspectionDriver(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
			InspectionRegister inspections) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.inspections = inspections;
	}

	/**
	 * Starts an inspection as {@code discipline}, as Tasklist's "Start process" would.
	 */
	Inspection start() {
		this.identityService.setAuthentication("discipline", List.of(Roles.DISCIPLINE_GROUP));
		ProcessInstance pi;
		try {
			pi = this.runtimeService.startProcessInstanceByKey(InspectionProcess.KEY);
		}
		finally {
			this.identityService.clearAuthentication();
		}
		return this.inspections.findByCode(pi.getBusinessKey()).orElseThrow();
	}

	Inspection reload(Inspection inspection) {
		return this.inspections.find(inspection.getId()).orElseThrow();
	}

	ProcessInstance instance(Inspection inspection) {
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(inspection.getProcessInstanceId())
			.singleResult();
	}

	List<Task> tasks(Inspection inspection, String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceId(inspection.getProcessInstanceId())
			.taskDefinitionKey(taskKey)
			.orderByTaskAssignee()
			.asc()
			.list();
	}

	Task task(Inspection inspection, String taskKey) {
		List<Task> tasks = tasks(inspection, taskKey);
		if (tasks.size() != 1) {
			throw new IllegalStateException(tasks.size() + " tasks " + taskKey + " for " + inspection.getCode());
		}
		return tasks.get(0);
	}

	void complete(Task task, Object... keyValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		this.taskService.complete(task.getId(), variables);
	}

	void plan(Inspection inspection, Inspection.Kind kind, String targets, int teamSize, String periodEnd) {
		complete(task(inspection, InspectionProcess.TASK_PLAN), InspectionProcess.VAR_KIND, kind.name(),
				InspectionProcess.VAR_TITLE, "农牧业惠农政策落实情况检查", InspectionProcess.VAR_TARGET_UNITS, targets,
				InspectionProcess.VAR_PLACES,
				List.of(Map.of("place", "XX镇"), Map.of("place", "XX嘎查村"), Map.of("place", "田间地头")),
				InspectionProcess.VAR_PERIOD_START, "2026-09-21", InspectionProcess.VAR_PERIOD_END, periodEnd,
				InspectionProcess.VAR_TEAM_SIZE, (long) teamSize, InspectionProcess.VAR_FOCUS, List.of("IMPLEMENT"));
	}

	void decide(Inspection inspection, InspectionProcess.PlanDecision decision) {
		complete(task(inspection, InspectionProcess.TASK_APPROVE_PLAN), InspectionProcess.VAR_PLAN_DECISION,
				decision.name(), InspectionProcess.VAR_OPINION, "意见：" + decision);
	}

	Task fieldTaskOf(Inspection inspection, String member) {
		return tasks(inspection, InspectionProcess.TASK_FIELD_WORK).stream()
			.filter((t) -> member.equals(t.getAssignee()))
			.findFirst()
			.orElseThrow();
	}

	void finding(Inspection inspection, String member, String unit, Finding.Type type, String text) {
		complete(fieldTaskOf(inspection, member), InspectionProcess.VAR_FIELD_ACTION, "FINDING",
				InspectionProcess.VAR_FINDING_METHOD, "ON_SITE", InspectionProcess.VAR_FINDING_PLACE, "XX镇XX嘎查",
				InspectionProcess.VAR_FINDING_UNIT, unit, InspectionProcess.VAR_FINDING_TYPE, type.name(),
				InspectionProcess.VAR_FINDING_PERSON, (type == Finding.Type.CLUE) ? "某工作人员" : null,
				InspectionProcess.VAR_FINDING_CATEGORY, (type == Finding.Type.PROBLEM) ? "IMPLEMENT" : null,
				InspectionProcess.VAR_FINDING_DESCRIPTION, text);
	}

	void done(Inspection inspection, String member) {
		complete(fieldTaskOf(inspection, member), InspectionProcess.VAR_FIELD_ACTION, "DONE");
	}

	/** Every member still in the field finishes. */
	void allDone(Inspection inspection) {
		for (Task task : tasks(inspection, InspectionProcess.TASK_FIELD_WORK)) {
			complete(task, InspectionProcess.VAR_FIELD_ACTION, "DONE");
		}
	}

	/** Plans (u1, u2; two people), draws and approves: the field work runs. */
	Inspection toFieldWork(Inspection.Kind kind) {
		Inspection inspection = start();
		plan(inspection, kind, "u1,u2", 2, "2026-09-30");
		decide(inspection, InspectionProcess.PlanDecision.APPROVE);
		return reload(inspection);
	}

}
