package org.rectifyflow.rectification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.rectifyflow.kernel.Dates;
import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerMeasure;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.taskrules.ProcessTasks;
import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCreation;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code bpmn/rectification.bpmn}. Each task's inputs are local to the
 * task (input mappings in the BPMN), so a returned draft or a rejected closure starts
 * with a fresh form and the inputs never grow the process instance; only the routing
 * flags set here leave the task. The entry a task works on is the one linked to the
 * task's process instance, found by its business key, whatever variables a user wrote.
 * Required fields and lengths are declared in the BPMN ({@code rf:required},
 * {@code rf:maxLength}); the rules that need the organisation, the calendar or the
 * attachment store are checked here.
 */
@Component
class RectificationTasks implements ProcessTasks {

	private final RectificationService rectification;

	private final LedgerEntryRepository entries;

	private final OrganisationService organisation;

	private final SystemAuthority systemAuthority;

	private final AttachmentService attachments;

	private final ApprovalOpinionService opinions;

	RectificationTasks(RectificationService rectification, LedgerEntryRepository entries,
			OrganisationService organisation, SystemAuthority systemAuthority, AttachmentService attachments,
			ApprovalOpinionService opinions) {
		this.rectification = rectification;
		this.entries = entries;
		this.organisation = organisation;
		this.systemAuthority = systemAuthority;
		this.attachments = attachments;
		this.opinions = opinions;
	}

	@Override
	public String processKey() {
		return RectificationProcess.KEY;
	}

	@Override
	public void created(TaskCreation task) {
		switch (task.getTaskDefinitionKey()) {
			case RectificationProcess.TASK_ASSIGN_RESPONSIBLE -> {
				// Created while the process starts, before the entry is linked to it: the
				// unit comes from the variables set at the start.
				Object unit = task.variable(RectificationProcess.VAR_UNIT_CODE);
				if (unit != null) {
					task.options(RectificationProcess.VAR_RESPONSIBLE_OPTIONS,
							staffOptions(this.systemAuthority.call(() -> this.organisation.staffOf(unit.toString()))));
				}
			}
			case RectificationProcess.TASK_DRAFT_MEASURES -> {
				task.show(RectificationProcess.VAR_OPINION, this.opinions.returnOpinion(task.getProcessInstanceId(),
						RectificationProcess.TASK_APPROVE_MEASURES));
				LedgerEntry entry = entry(task.getBusinessKey(), task.getProcessInstanceId());
				task.options(RectificationProcess.VAR_RESPONSIBLE_OPTIONS, staffOptions(staffOf(entry)));
				if (task.variable(RectificationProcess.VAR_MEASURE_ROWS) == null) {
					// A returned draft starts from the measures submitted before.
					task.carry(RectificationProcess.VAR_MEASURE_ROWS,
							entry.getMeasureRows().isEmpty()
									? List.of(Map.of("responsible", entry.getResponsiblePerson()))
									: MeasureRows.shown(entry.getMeasureRows(), this.organisation::personLabel, true));
				}
			}
			case RectificationProcess.TASK_APPROVE_MEASURES, RectificationProcess.TASK_RECTIFY,
					RectificationProcess.TASK_ACCEPT_CLOSURE, RectificationProcess.TASK_APPROVE_CARRY_OVER -> {
				LedgerEntry entry = entry(task.getBusinessKey(), task.getProcessInstanceId());
				task.show(RectificationProcess.VAR_RESPONSIBLE_PERSON_NAME,
						this.organisation.personLabel(entry.getResponsiblePerson()));
				task.show(RectificationProcess.VAR_MEASURE_ROWS, FormList
					.json(MeasureRows.shown(entry.getMeasureRows(), this.organisation::personLabel, false)));
				if (RectificationProcess.TASK_RECTIFY.equals(task.getTaskDefinitionKey())) {
					task.show(RectificationProcess.VAR_PREVIOUS_EVIDENCE, previousEvidence(entry, task));
				}
				if (RectificationProcess.TASK_ACCEPT_CLOSURE.equals(task.getTaskDefinitionKey())) {
					task.show(RectificationProcess.VAR_EVIDENCE_NOTE, entry.getEvidenceNote());
				}
			}
			default -> {
			}
		}
	}

	/** The unit's staff as a form's options: user ids submitted, 「孙晓明（办公室）」 shown. */
	private Map<String, String> staffOptions(List<String> staff) {
		Map<String, String> options = new LinkedHashMap<>();
		staff.forEach((person) -> options.put(person, this.organisation.personLabel(person)));
		return options;
	}

	@Override
	public void validate(TaskCompletion completion) {
		switch (completion.getTaskDefinitionKey()) {
			case RectificationProcess.TASK_ASSIGN_RESPONSIBLE -> assignment(completion, entry(completion));
			case RectificationProcess.TASK_DRAFT_MEASURES -> measures(completion, entry(completion));
			case RectificationProcess.TASK_RECTIFY -> work(completion, entry(completion));
			default -> {
			}
		}
	}

	@Override
	public void completed(TaskCompletion completion) {
		LedgerEntry entry = entry(completion);
		Long id = entry.getId();
		switch (completion.getTaskDefinitionKey()) {
			case RectificationProcess.TASK_ASSIGN_RESPONSIBLE -> {
				Assignment assignment = assignment(completion, entry);
				this.rectification.assign(id, assignment.person(), assignment.leader());
			}
			case RectificationProcess.TASK_DRAFT_MEASURES -> {
				List<LedgerMeasure> measures = measures(completion, entry);
				Instant deadline = this.rectification.submitMeasures(id, measures,
						MeasureRows.text(measures, this.organisation::personLabel),
						workingDays(completion.variable(RectificationProcess.VAR_WORKING_DAYS)),
						date(completion.variable(RectificationProcess.VAR_DEADLINE_DATE)));
				completion.route(RectificationProcess.VAR_DEADLINE_AT, Date.from(deadline));
			}
			case RectificationProcess.TASK_APPROVE_MEASURES -> {
				boolean approved = decision(completion, RectificationProcess.VAR_MEASURES_APPROVED);
				this.rectification.decideMeasures(id, approved);
				// The deadline the timers arm is the one on the entry, whatever was
				// written.
				completion.route(RectificationProcess.VAR_DEADLINE_AT, Date.from(entry.getDeadline().toInstant()));
				completion.route(RectificationProcess.VAR_MEASURES_APPROVED, approved);
			}
			case RectificationProcess.TASK_RECTIFY -> {
				RectificationProcess.Action action = action(completion);
				String text = strip(completion.string(switch (action) {
					case PROGRESS -> RectificationProcess.VAR_PROGRESS_TEXT;
					case CLOSURE -> RectificationProcess.VAR_EVIDENCE_NOTE;
					case CARRY_OVER -> RectificationProcess.VAR_CARRY_OVER_REASON;
				}));
				this.rectification.reportWork(id, action, text, reporter(completion));
				completion.route(RectificationProcess.VAR_RECTIFY_ACTION, action.name());
			}
			case RectificationProcess.TASK_ACCEPT_CLOSURE -> {
				boolean accepted = decision(completion, RectificationProcess.VAR_CLOSURE_ACCEPTED);
				this.rectification.decideClosure(id, accepted);
				completion.route(RectificationProcess.VAR_CLOSURE_ACCEPTED, accepted);
			}
			case RectificationProcess.TASK_APPROVE_CARRY_OVER -> {
				boolean approved = decision(completion, RectificationProcess.VAR_CARRY_OVER_APPROVED);
				this.rectification.decideCarryOver(id, approved);
				completion.route(RectificationProcess.VAR_CARRIED_OVER, approved);
			}
			default -> {
			}
		}
	}

	/**
	 * The measures of a drafting form, each row checked: the responsible person one of
	 * the unit's staff, a row's deadline between today and the proposed deadline.
	 */
	private List<LedgerMeasure> measures(TaskCompletion completion, LedgerEntry entry) {
		Instant deadline = this.rectification.proposedDeadline(
				workingDays(completion.variable(RectificationProcess.VAR_WORKING_DAYS)),
				date(completion.variable(RectificationProcess.VAR_DEADLINE_DATE)), entry.getCampaignId());
		ZoneId zone = this.rectification.zone();
		List<LedgerMeasure> measures = MeasureRows.read(completion.variable(RectificationProcess.VAR_MEASURE_ROWS),
				completion.string(RectificationProcess.VAR_MEASURES), staffOf(entry), entry.getResponsiblePerson(),
				LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone), LocalDate.ofInstant(deadline, zone));
		String text = MeasureRows.text(measures, this.organisation::personLabel);
		if (text.codePointCount(0, text.length()) > RectificationService.LONG_TEXT) {
			throw new TaskRuleViolation("整改措施合计不能超过" + RectificationService.LONG_TEXT + "个字",
					"the measures may not be longer than " + RectificationService.LONG_TEXT + " characters in all");
		}
		return measures;
	}

	private List<String> staffOf(LedgerEntry entry) {
		return this.systemAuthority.call(() -> this.organisation.staffOf(entry.getUnitCode()));
	}

	/**
	 * What the work form shows after a rejected closure: each earlier request's evidence
	 * note and the reason the closure was not accepted, so that the next request adds to
	 * them rather than typing them again.
	 */
	private String previousEvidence(LedgerEntry entry, TaskCreation task) {
		List<ClosureRequest> requests = this.rectification.closureRequests(entry.getId());
		if (requests.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (ClosureRequest request : requests) {
			text.append("第")
				.append(request.getAttempt())
				.append("次申请销号（")
				.append(Dates.chinese(request.getRequestedAt()))
				.append("）佐证说明：")
				.append((request.getEvidenceNote() != null) ? request.getEvidenceNote() : "（仅上传佐证材料）")
				.append("\n");
		}
		String reason = this.opinions.returnOpinion(task.getProcessInstanceId(),
				RectificationProcess.TASK_ACCEPT_CLOSURE);
		if (reason != null) {
			text.append("未通过验收的意见：").append(reason).append("\n");
		}
		text.append("以上佐证说明已保存，再次申请销号时只需填写补充的内容。");
		return text.toString();
	}

	/**
	 * The entry of the task's process instance: the one whose code is the business key
	 * and which is linked to this very instance.
	 */
	private LedgerEntry entry(String businessKey, String processInstanceId) {
		return this.entries.findByCode(businessKey)
			.filter((entry) -> processInstanceId.equals(entry.getProcessInstanceId()))
			.orElseThrow(() -> Refusal.conflict("本流程没有对应的整改事项",
					"no ledger entry is linked to process instance " + processInstanceId));
	}

	private LedgerEntry entry(TaskCompletion completion) {
		return entry(completion.getBusinessKey(), completion.getProcessInstanceId());
	}

	private record Assignment(String person, String leader) {
	}

	/**
	 * The responsible person and leader named on the assignment form, both staff of the
	 * entry's unit and not the same person; a blank leader means the unit leader recorded
	 * on the entry.
	 */
	private Assignment assignment(TaskCompletion completion, LedgerEntry entry) {
		String unit = entry.getUnitCode();
		List<String> staff = this.systemAuthority.call(() -> this.organisation.staffOf(unit));
		String person = strip(completion.string(RectificationProcess.VAR_RESPONSIBLE_PERSON));
		if (person == null) {
			throw new TaskRuleViolation("「责任人」为必填项", "responsiblePerson is required");
		}
		if (!staff.contains(person)) {
			throw new TaskRuleViolation("责任人「" + person + "」不是本单位人员", person + " is not on the staff of unit " + unit);
		}
		String named = strip(completion.string(RectificationProcess.VAR_RESPONSIBLE_LEADER));
		String unitLeader = entry.getResponsibleLeader();
		String leader = (named != null) ? named : unitLeader;
		if (named != null && !named.equals(unitLeader) && !staff.contains(named)) {
			throw new TaskRuleViolation("责任领导「" + named + "」不是本单位人员", named + " is not on the staff of unit " + unit);
		}
		if (person.equals(leader)) {
			throw new TaskRuleViolation("责任人不能同时是责任领导（整改措施须由他人审核）",
					"the responsible person may not be the responsible leader");
		}
		return new Assignment(person, named);
	}

	private void work(TaskCompletion completion, LedgerEntry entry) {
		switch (action(completion)) {
			case PROGRESS ->
				requireText(completion, RectificationProcess.VAR_PROGRESS_TEXT, "整改进展", RectificationService.TEXT);
			case CLOSURE -> {
				String note = strip(completion.string(RectificationProcess.VAR_EVIDENCE_NOTE));
				if (note != null) {
					checkLength(note, "佐证说明", RectificationProcess.VAR_EVIDENCE_NOTE, RectificationService.LONG_TEXT);
				}
				else if (this.attachments.list(RectificationProcess.ITEM_TYPE, String.valueOf(entry.getId())).isEmpty()
						&& this.rectification.closureRequests(entry.getId())
							.stream()
							.allMatch((r) -> r.getEvidenceNote() == null)) {
					throw new TaskRuleViolation("申请销号须上传佐证材料或填写佐证说明",
							"a closure request needs an attachment or an evidence note");
				}
			}
			case CARRY_OVER ->
				requireText(completion, RectificationProcess.VAR_CARRY_OVER_REASON, "结转理由", RectificationService.TEXT);
		}
	}

	private static RectificationProcess.Action action(TaskCompletion completion) {
		String text = completion.string(RectificationProcess.VAR_RECTIFY_ACTION);
		try {
			return RectificationProcess.Action.valueOf((text != null) ? text.strip() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new TaskRuleViolation("请选择办理方式：报告进展、申请销号或申请结转", "rectifyAction is missing or invalid");
		}
	}

	/** The approval's decision; the task rules made sure it is there. */
	private static boolean decision(TaskCompletion completion, String name) {
		return Boolean.TRUE.equals(completion.bool(name));
	}

	/** Who reported: the completing user, or the task's assignee for system calls. */
	private static String reporter(TaskCompletion completion) {
		return (AuditService.SYSTEM.equals(completion.getUserId()) && completion.getAssignee() != null)
				? completion.getAssignee() : completion.getUserId();
	}

	private static Integer workingDays(Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		try {
			double number = (value instanceof Number n) ? n.doubleValue()
					: Double.parseDouble(value.toString().strip());
			if (number != Math.rint(number)) {
				throw new NumberFormatException("not a whole number: " + value);
			}
			return (int) Math.max(Math.min(number, Integer.MAX_VALUE), Integer.MIN_VALUE);
		}
		catch (NumberFormatException ex) {
			throw new TaskRuleViolation("「整改工作日数」须为整数", "workingDays is not a whole number");
		}
	}

	private LocalDate date(Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), this.rectification.zone());
		}
		try {
			String text = value.toString().strip();
			return LocalDate.parse((text.length() > 10) ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new TaskRuleViolation("「完成日期」不是有效的日期", "deadlineDate is not a date");
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
