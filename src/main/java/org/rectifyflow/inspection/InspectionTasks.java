package org.rectifyflow.inspection;

import java.util.Date;
import java.util.Locale;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.taskrules.ProcessTasks;
import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCreation;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code bpmn/inspection.bpmn}: the plan (kind, known active target
 * units, dates, team size), the approval decision, each finding of the field work
 * (method, place, a target unit, type, description) and the leader's report. The
 * approval's and the field work's inputs are local to their task (input mappings in the
 * BPMN); the plan's stay on the instance, so that a returned plan is edited rather than
 * written again. The inspection a task works on is the one linked to the task's process
 * instance, whatever variables a user wrote.
 */
@Component
class InspectionTasks implements ProcessTasks {

	private final InspectionService inspections;

	private final InspectionFindings findings;

	private final InspectionRepository repository;

	private final OrganisationService organisation;

	InspectionTasks(InspectionService inspections, InspectionFindings findings, InspectionRepository repository,
			OrganisationService organisation) {
		this.inspections = inspections;
		this.findings = findings;
		this.repository = repository;
		this.organisation = organisation;
	}

	@Override
	public String processKey() {
		return InspectionProcess.KEY;
	}

	@Override
	public void created(TaskCreation task) {
		switch (task.getTaskDefinitionKey()) {
			case InspectionProcess.TASK_APPROVE_PLAN, InspectionProcess.TASK_FIELD_WORK ->
				this.repository.findByProcessInstanceId(task.getProcessInstanceId()).ifPresent((inspection) -> {
					task.show(InspectionProcess.VAR_KIND_NAME, MethodNames.of(inspection.getKind()));
					task.show(InspectionProcess.VAR_TARGET_UNIT_NAMES,
							this.organisation.unitNames(inspection.targetUnitList()));
				});
			default -> {
			}
		}
	}

	@Override
	public void validate(TaskCompletion completion) {
		switch (completion.getTaskDefinitionKey()) {
			case InspectionProcess.TASK_PLAN -> plan(completion);
			case InspectionProcess.TASK_APPROVE_PLAN -> decision(completion);
			case InspectionProcess.TASK_FIELD_WORK -> {
				if (action(completion) == InspectionProcess.FieldAction.FINDING) {
					finding(completion, inspection(completion));
				}
			}
			default -> {
			}
		}
	}

	@Override
	public void completed(TaskCompletion completion) {
		Inspection inspection = inspection(completion);
		Long id = inspection.getId();
		switch (completion.getTaskDefinitionKey()) {
			case InspectionProcess.TASK_PLAN -> this.inspections.recordPlan(id, plan(completion));
			case InspectionProcess.TASK_APPROVE_PLAN -> {
				InspectionProcess.PlanDecision decision = decision(completion);
				Date deadline = this.inspections.decidePlan(id, decision);
				if (deadline != null) {
					completion.route(InspectionProcess.VAR_DEADLINE_AT, deadline);
				}
				completion.route(InspectionProcess.VAR_PLAN_DECISION, decision.name());
			}
			case InspectionProcess.TASK_FIELD_WORK -> {
				boolean finding = action(completion) == InspectionProcess.FieldAction.FINDING;
				if (finding) {
					this.findings.record(id, finding(completion, inspection), actor(completion));
				}
				completion.route(InspectionProcess.VAR_MORE_FINDINGS, finding);
			}
			case InspectionProcess.TASK_REPORT ->
				this.findings.handOver(id, completion.string(InspectionProcess.VAR_REPORT_SUMMARY));
			default -> {
			}
		}
	}

	private PlanInput plan(TaskCompletion completion) {
		PlanInput plan = PlanInput.parse(completion.string(InspectionProcess.VAR_KIND),
				completion.string(InspectionProcess.VAR_TITLE), completion.string(InspectionProcess.VAR_TARGET_UNITS),
				completion.string(InspectionProcess.VAR_PLACES), completion.string(InspectionProcess.VAR_PERIOD_START),
				completion.string(InspectionProcess.VAR_PERIOD_END),
				completion.variable(InspectionProcess.VAR_TEAM_SIZE), completion.string(InspectionProcess.VAR_FOCUS));
		for (String code : plan.targetUnits()) {
			if (this.organisation.findUnit(code).filter(Unit::isActive).isEmpty()) {
				throw new TaskRuleViolation("目标单位不存在或已停用：" + code, "unknown or inactive unit " + code);
			}
		}
		if (plan.periodEnd().isBefore(this.inspections.today())) {
			throw new TaskRuleViolation("检查结束日期不能早于今天", "periodEnd is in the past");
		}
		return plan;
	}

	private static InspectionProcess.PlanDecision decision(TaskCompletion completion) {
		String decision = completion.string(InspectionProcess.VAR_PLAN_DECISION);
		try {
			return InspectionProcess.PlanDecision
				.valueOf((decision != null) ? decision.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			throw new TaskRuleViolation("请选择审批结论：同意、重新抽取或退回修改", "planDecision is missing or invalid");
		}
	}

	private static InspectionProcess.FieldAction action(TaskCompletion completion) {
		String action = completion.string(InspectionProcess.VAR_FIELD_ACTION);
		try {
			return InspectionProcess.FieldAction.valueOf((action != null) ? action.strip() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new TaskRuleViolation("请选择：记录发现的问题，或现场检查完毕", "fieldAction is missing or invalid");
		}
	}

	/** A finding as submitted; its unit must be one of the inspection's targets. */
	private static FindingInput finding(TaskCompletion completion, Inspection inspection) {
		FindingInput finding = FindingInput.of(completion::variable);
		if (!inspection.targetUnitList().contains(finding.unitCode())) {
			throw new TaskRuleViolation("「所属单位」须为本次检查的目标单位：" + String.join("、", inspection.targetUnitList()),
					"findingUnit must be one of the target units " + inspection.targetUnitList());
		}
		return finding;
	}

	private Inspection inspection(TaskCompletion completion) {
		return this.repository.findByProcessInstanceId(completion.getProcessInstanceId())
			.orElseThrow(() -> Refusal.conflict("本流程没有对应的检查",
					"no inspection is linked to process instance " + completion.getProcessInstanceId()));
	}

	/** Who completed the task: the user, or the task's assignee for system calls. */
	private static String actor(TaskCompletion completion) {
		return (AuditService.SYSTEM.equals(completion.getUserId()) && completion.getAssignee() != null)
				? completion.getAssignee() : completion.getUserId();
	}

}
