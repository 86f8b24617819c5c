package org.rectifyflow.rectification;

import java.util.List;
import java.util.Set;

import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCompletionValidator;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Component;

/**
 * The rules of the rectification forms that need the organisation, the calendar or the
 * attachment store; checked inside the engine, so that Tasklist, the engine REST API and
 * Java callers cannot bypass them. Required fields and lengths are declared in the BPMN
 * ({@code rf:required}, {@code rf:maxLength}).
 */
@Component
class RectificationTaskValidator implements TaskCompletionValidator {

	private static final Set<String> TASKS = Set.of(RectificationProcess.TASK_ASSIGN_RESPONSIBLE,
			RectificationProcess.TASK_DRAFT_MEASURES, RectificationProcess.TASK_RECTIFY);

	private final OrganisationService organisation;

	private final SystemAuthority systemAuthority;

	private final RectificationService rectification;

	private final AttachmentService attachments;

	RectificationTaskValidator(OrganisationService organisation, SystemAuthority systemAuthority,
			RectificationService rectification, AttachmentService attachments) {
		this.organisation = organisation;
		this.systemAuthority = systemAuthority;
		this.rectification = rectification;
		this.attachments = attachments;
	}

	@Override
	public boolean supports(String processDefinitionKey, String taskDefinitionKey) {
		return RectificationProcess.KEY.equals(processDefinitionKey) && TASKS.contains(taskDefinitionKey);
	}

	@Override
	public void validate(TaskCompletion completion) {
		switch (completion.getTaskDefinitionKey()) {
			case RectificationProcess.TASK_ASSIGN_RESPONSIBLE -> validateAssignment(completion);
			case RectificationProcess.TASK_DRAFT_MEASURES ->
				this.rectification.proposedDeadline(completion.variable(RectificationProcess.VAR_WORKING_DAYS),
						completion.variable(RectificationProcess.VAR_DEADLINE_DATE),
						(Long) completion.variable(RectificationProcess.VAR_CAMPAIGN_ID));
			case RectificationProcess.TASK_RECTIFY -> validateWork(completion);
			default -> {
			}
		}
	}

	private void validateAssignment(TaskCompletion completion) {
		String unit = completion.string(RectificationProcess.VAR_UNIT_CODE);
		List<String> staff = this.systemAuthority.call(() -> this.organisation.staffOf(unit));
		String person = strip(completion.string(RectificationProcess.VAR_RESPONSIBLE_PERSON));
		if (person == null) {
			throw new TaskRuleViolation("「责任人」为必填项", "responsiblePerson is required");
		}
		if (!staff.contains(person)) {
			throw new TaskRuleViolation("责任人「" + person + "」不是本单位人员", person + " is not on the staff of unit " + unit);
		}
		String leader = strip(completion.string(RectificationProcess.VAR_RESPONSIBLE_LEADER));
		if (leader == null) {
			leader = completion.string(RectificationProcess.VAR_UNIT_LEADER);
		}
		else if (!leader.equals(completion.string(RectificationProcess.VAR_UNIT_LEADER)) && !staff.contains(leader)) {
			throw new TaskRuleViolation("责任领导「" + leader + "」不是本单位人员", leader + " is not on the staff of unit " + unit);
		}
		if (person.equals(leader)) {
			throw new TaskRuleViolation("责任人不能同时是责任领导（整改措施须由他人审核）",
					"the responsible person may not be the responsible leader");
		}
	}

	private void validateWork(TaskCompletion completion) {
		String text = completion.string(RectificationProcess.VAR_RECTIFY_ACTION);
		RectificationProcess.Action action;
		try {
			action = RectificationProcess.Action.valueOf((text != null) ? text.strip() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new TaskRuleViolation("请选择办理方式：报告进展、申请销号或申请结转", "rectifyAction is missing or invalid");
		}
		switch (action) {
			case PROGRESS ->
				requireText(completion, RectificationProcess.VAR_PROGRESS_TEXT, "整改进展", RectificationService.TEXT);
			case CLOSURE -> {
				String note = strip(completion.string(RectificationProcess.VAR_EVIDENCE_NOTE));
				if (note != null) {
					checkLength(note, "佐证说明", RectificationProcess.VAR_EVIDENCE_NOTE, RectificationService.LONG_TEXT);
				}
				else if (this.attachments
					.list(RectificationProcess.ITEM_TYPE,
							String.valueOf(completion.variable(RectificationProcess.VAR_LEDGER_ENTRY_ID)))
					.isEmpty()) {
					throw new TaskRuleViolation("申请销号须上传佐证材料或填写佐证说明",
							"a closure request needs an attachment or an evidence note");
				}
			}
			case CARRY_OVER ->
				requireText(completion, RectificationProcess.VAR_CARRY_OVER_REASON, "结转理由", RectificationService.TEXT);
		}
	}

	private static void requireText(TaskCompletion completion, String name, String label, int max) {
		String value = strip(completion.string(name));
		if (value == null) {
			throw new TaskRuleViolation("「" + label + "」为必填项", name + " is required");
		}
		checkLength(value, label, name, max);
	}

	private static void checkLength(String value, String label, String name, int max) {
		if (value.codePointCount(0, value.length()) > max) {
			throw new TaskRuleViolation("「" + label + "」不能超过" + max + "个字",
					name + " may not be longer than " + max + " characters");
		}
	}

	private static String strip(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
