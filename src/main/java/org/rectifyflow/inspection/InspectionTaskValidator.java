package org.rectifyflow.inspection;

import java.util.Locale;
import java.util.Set;

import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCompletionValidator;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Component;

/**
 * The rules of the inspection forms, checked inside the engine (Tasklist, engine REST API
 * and Java callers alike): the plan (kind, known active target units, dates, team size),
 * the approval decision, and each finding of the field work (method, place, a target
 * unit, type, description).
 */
@Component
class InspectionTaskValidator implements TaskCompletionValidator {

	private static final Set<String> TASKS = Set.of(InspectionProcess.TASK_PLAN, InspectionProcess.TASK_APPROVE_PLAN,
			InspectionProcess.TASK_FIELD_WORK);

	private final OrganisationService organisation;

	private final InspectionService inspections;

	InspectionTaskValidator(OrganisationService organisation, InspectionService inspections) {
		this.organisation = organisation;
		this.inspections = inspections;
	}

	@Override
	public boolean supports(String processDefinitionKey, String taskDefinitionKey) {
		return InspectionProcess.KEY.equals(processDefinitionKey) && TASKS.contains(taskDefinitionKey);
	}

	@Override
	public void validate(TaskCompletion completion) {
		switch (completion.getTaskDefinitionKey()) {
			case InspectionProcess.TASK_PLAN -> validatePlan(completion);
			case InspectionProcess.TASK_APPROVE_PLAN -> {
				String decision = completion.string(InspectionProcess.VAR_PLAN_DECISION);
				try {
					InspectionProcess.PlanDecision
						.valueOf((decision != null) ? decision.strip().toUpperCase(Locale.ROOT) : "");
				}
				catch (IllegalArgumentException ex) {
					throw new TaskRuleViolation("请选择审批结论：同意、重新抽取或退回修改", "planDecision is missing or invalid");
				}
			}
			case InspectionProcess.TASK_FIELD_WORK -> validateFieldWork(completion);
			default -> {
			}
		}
	}

	private void validatePlan(TaskCompletion completion) {
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
	}

	private void validateFieldWork(TaskCompletion completion) {
		String action = completion.string(InspectionProcess.VAR_FIELD_ACTION);
		InspectionProcess.FieldAction value;
		try {
			value = InspectionProcess.FieldAction.valueOf((action != null) ? action.strip() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new TaskRuleViolation("请选择：记录发现的问题，或现场检查完毕", "fieldAction is missing or invalid");
		}
		if (value == InspectionProcess.FieldAction.DONE) {
			return;
		}
		FindingInput finding = FindingInput.of(completion::variable);
		Long inspectionId = (Long) completion.variable(InspectionProcess.VAR_INSPECTION_ID);
		Inspection inspection = this.inspections.find(inspectionId)
			.orElseThrow(() -> new TaskRuleViolation("检查不存在", "no inspection " + inspectionId));
		if (!inspection.targetUnitList().contains(finding.unitCode())) {
			throw new TaskRuleViolation("「所属单位」须为本次检查的目标单位：" + String.join("、", inspection.targetUnitList()),
					"findingUnit must be one of the target units " + inspection.targetUnitList());
		}
	}

}
