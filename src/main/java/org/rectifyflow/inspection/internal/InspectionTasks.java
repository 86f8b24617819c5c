package org.rectifyflow.inspection.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionCategories;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.taskrules.ProcessTasks;
import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCreation;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code bpmn/inspection.bpmn}: the plan (kind, active target units
 * chosen from a checklist, places as a list, dates, team size, focus chosen among the
 * problem categories), the approval decision, each finding of the field work (method,
 * place, a target unit and a category chosen from selects, type, description) and the
 * leader's report. The approval's and the field work's inputs are local to their task
 * (input mappings in the BPMN); the plan's plain fields stay on the instance and its
 * lists are filled again from the stored plan, so that a returned plan is edited rather
 * than written again. The inspection a task works on is the one linked to the task's
 * process instance, whatever variables a user wrote.
 */
@Component
class InspectionTasks implements ProcessTasks {

	private final InspectionService inspections;

	private final InspectionFindings findings;

	private final InspectionRepository repository;

	private final OrganisationService organisation;

	private final ObjectProvider<InspectionCategories> categories;

	InspectionTasks(InspectionService inspections, InspectionFindings findings, InspectionRepository repository,
			OrganisationService organisation, ObjectProvider<InspectionCategories> categories) {
		this.inspections = inspections;
		this.findings = findings;
		this.repository = repository;
		this.organisation = organisation;
		this.categories = categories;
	}

	@Override
	public String processKey() {
		return InspectionProcess.KEY;
	}

	@Override
	public void created(TaskCreation task) {
		switch (task.getTaskDefinitionKey()) {
			case InspectionProcess.TASK_PLAN -> {
				task.options(InspectionProcess.VAR_UNIT_OPTIONS, unitOptions());
				task.options(InspectionProcess.VAR_CATEGORY_OPTIONS, categoryOptions());
				this.repository.findByProcessInstanceId(task.getProcessInstanceId())
					.ifPresent((inspection) -> fillPlan(task, inspection));
			}
			case InspectionProcess.TASK_APPROVE_PLAN, InspectionProcess.TASK_FIELD_WORK ->
				this.repository.findByProcessInstanceId(task.getProcessInstanceId()).ifPresent((inspection) -> {
					task.show(InspectionProcess.VAR_KIND_NAME, MethodNames.of(inspection.getKind()));
					task.show(InspectionProcess.VAR_TARGET_UNIT_NAMES,
							this.organisation.unitNames(inspection.targetUnitList()));
					task.show(InspectionProcess.VAR_PLACES_TEXT, String.join("、", inspection.getPlaceList()));
					task.show(InspectionProcess.VAR_FOCUS_TEXT,
							(inspection.getFocus() != null) ? inspection.getFocus() : "未限定");
					if (InspectionProcess.TASK_FIELD_WORK.equals(task.getTaskDefinitionKey())) {
						Map<String, String> targets = new LinkedHashMap<>();
						inspection.targetUnitList()
							.forEach((code) -> targets.put(code,
									this.organisation.findUnit(code).map(Unit::getName).orElse(code)));
						task.options(InspectionProcess.VAR_TARGET_UNIT_OPTIONS, targets);
						task.options(InspectionProcess.VAR_CATEGORY_OPTIONS, categoryOptions());
					}
				});
			default -> {
			}
		}
	}

	/**
	 * The plan form's lists start with the stored plan (after a return or a failed draw),
	 * or with one empty place.
	 */
	private static void fillPlan(TaskCreation task, Inspection inspection) {
		if (task.variable(InspectionProcess.VAR_TARGET_UNITS) == null && !inspection.targetUnitList().isEmpty()) {
			task.carryValues(InspectionProcess.VAR_TARGET_UNITS, inspection.targetUnitList());
		}
		if (task.variable(InspectionProcess.VAR_PLACES) == null) {
			List<String> places = inspection.getPlaceList().isEmpty() ? List.of("") : inspection.getPlaceList();
			task.carry(InspectionProcess.VAR_PLACES,
					places.stream().map((place) -> Map.of(PlanInput.PLACE_FIELD, place)).toList());
		}
		if (task.variable(InspectionProcess.VAR_FOCUS) == null && !inspection.getFocusCategories().isEmpty()) {
			task.carryValues(InspectionProcess.VAR_FOCUS, inspection.getFocusCategories());
		}
	}

	private Map<String, String> unitOptions() {
		Map<String, String> units = new LinkedHashMap<>();
		this.organisation.activeUnits().forEach((unit) -> units.put(unit.getCode(), unit.getName()));
		return units;
	}

	private Map<String, String> categoryOptions() {
		InspectionCategories provider = this.categories.getIfAvailable();
		return (provider != null) ? provider.labelsByCode() : Map.of();
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
				completion.string(InspectionProcess.VAR_TITLE), completion.variable(InspectionProcess.VAR_TARGET_UNITS),
				completion.variable(InspectionProcess.VAR_PLACES),
				completion.string(InspectionProcess.VAR_PERIOD_START),
				completion.string(InspectionProcess.VAR_PERIOD_END),
				completion.variable(InspectionProcess.VAR_TEAM_SIZE), completion.variable(InspectionProcess.VAR_FOCUS),
				unitOptions(), categoryOptions());
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

	/**
	 * A finding as submitted; its unit must be one of the inspection's targets, its
	 * category one of the problem categories.
	 */
	private FindingInput finding(TaskCompletion completion, Inspection inspection) {
		FindingInput finding = FindingInput.of(completion::variable);
		if (!inspection.targetUnitList().contains(finding.unitCode())) {
			throw new TaskRuleViolation("「所属单位」须为本次检查的目标单位：" + this.organisation.unitNames(inspection.targetUnitList()),
					"findingUnit must be one of the target units " + inspection.targetUnitList());
		}
		Map<String, String> categories = categoryOptions();
		if (finding.category() != null && !categories.isEmpty() && !categories.containsKey(finding.category())) {
			throw new TaskRuleViolation("「问题类别」的选择无效", "findingCategory is not one of the categories");
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
