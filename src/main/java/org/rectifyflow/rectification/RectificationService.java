package org.rectifyflow.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code bpmn/rectification.bpmn}: every service task and task listener of
 * the process calls one method here with the ledger entry's id, and the method changes
 * the {@link LedgerEntry} (which guards its own transitions), audits and notifies.
 */
@Service("rectificationService")
public class RectificationService {

	static final String ACTION_ASSIGNED = "LEDGER_ENTRY_ASSIGNED";

	static final String ACTION_MEASURES_SUBMITTED = "LEDGER_MEASURES_SUBMITTED";

	static final String ACTION_MEASURES_DECIDED = "LEDGER_MEASURES_DECIDED";

	static final String ACTION_PROGRESS = "LEDGER_PROGRESS_REPORTED";

	static final String ACTION_CLOSURE_REQUESTED = "LEDGER_CLOSURE_REQUESTED";

	static final String ACTION_CLOSURE_DECIDED = "LEDGER_CLOSURE_DECIDED";

	static final String ACTION_CARRY_OVER_REQUESTED = "LEDGER_CARRY_OVER_REQUESTED";

	static final String ACTION_CARRY_OVER_DECIDED = "LEDGER_CARRY_OVER_DECIDED";

	/** Maximum length of measures, evidence notes. */
	static final int LONG_TEXT = 4000;

	/** Maximum length of progress reports and carry-over reasons. */
	static final int TEXT = 2000;

	static final int MAX_WORKING_DAYS = 365;

	private static final Logger logger = LoggerFactory.getLogger(RectificationService.class);

	private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** Variables a user task's form submits, removed when the task is created again. */
	private static final Map<String, List<String>> INPUTS = Map.of(RectificationProcess.TASK_DRAFT_MEASURES,
			List.of(RectificationProcess.VAR_WORKING_DAYS, RectificationProcess.VAR_DEADLINE_DATE),
			RectificationProcess.TASK_APPROVE_MEASURES,
			List.of(RectificationProcess.VAR_MEASURES_APPROVED, RectificationProcess.VAR_OPINION),
			RectificationProcess.TASK_RECTIFY,
			List.of(RectificationProcess.VAR_RECTIFY_ACTION, RectificationProcess.VAR_PROGRESS_TEXT,
					RectificationProcess.VAR_CARRY_OVER_REASON),
			RectificationProcess.TASK_ACCEPT_CLOSURE,
			List.of(RectificationProcess.VAR_CLOSURE_ACCEPTED, RectificationProcess.VAR_OPINION),
			RectificationProcess.TASK_APPROVE_CARRY_OVER,
			List.of(RectificationProcess.VAR_CARRY_OVER_APPROVED, RectificationProcess.VAR_OPINION));

	private final LedgerService ledger;

	private final LedgerEntryRepository entries;

	private final ProgressReportRepository reports;

	private final WorkingDayCalendar calendar;

	private final ObjectProvider<RectificationPeriod> periods;

	private final AuditService audit;

	private final Notifier notifier;

	private final ApplicationEventPublisher events;

	RectificationService(LedgerService ledger, LedgerEntryRepository entries, ProgressReportRepository reports,
			WorkingDayCalendar calendar, ObjectProvider<RectificationPeriod> periods, AuditService audit,
			Notifier notifier, ApplicationEventPublisher events) {
		this.events = events;
		this.ledger = ledger;
		this.entries = entries;
		this.reports = reports;
		this.calendar = calendar;
		this.periods = periods;
		this.audit = audit;
		this.notifier = notifier;
	}

	/**
	 * Removes the values a user task's form submitted last time, so that a task entered
	 * again (a returned draft, a rejected closure) starts with a fresh decision and
	 * opinion. Called by the {@code create} listener of the process's user tasks.
	 * @param task the task being created
	 */
	public void clearInputs(DelegateTask task) {
		INPUTS.getOrDefault(task.getTaskDefinitionKey(), List.of()).forEach(task::removeVariable);
	}

	/**
	 * {@code Task_RecordAssignment}: the unit leader named the responsible person.
	 * @param entryId the ledger entry id
	 * @param responsiblePerson the responsible person (责任人)
	 * @param responsibleLeader the responsible leader, blank for the unit leader
	 * @param unitLeader the unit leader
	 * @return the responsible leader in effect
	 */
	@Transactional
	public String assigned(Long entryId, String responsiblePerson, String responsibleLeader, String unitLeader) {
		LedgerEntry entry = entry(entryId);
		String leader = (responsibleLeader == null || responsibleLeader.isBlank()) ? unitLeader
				: responsibleLeader.strip();
		entry.assignResponsible(responsiblePerson.strip(), leader, now());
		this.audit.record(ACTION_ASSIGNED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId), null,
				"responsiblePerson=" + entry.getResponsiblePerson() + " responsibleLeader=" + leader);
		this.notifier.notifyUser(entry.getResponsiblePerson(), "您被指定为整改事项「" + entry.getCode() + "」的责任人，请制定整改措施和完成时限。",
				LedgerService.link(entry));
		return leader;
	}

	/**
	 * {@code Task_RecordMeasures}: the responsible person submitted measures and a
	 * deadline for approval.
	 * @param entryId the ledger entry id
	 * @param measures the measures
	 * @param workingDays working days allowed, or {@code null}
	 * @param deadlineDate the deadline date, or {@code null}
	 * @return the proposed deadline, which becomes {@code deadlineAt}
	 */
	@Transactional
	public Date measuresDrafted(Long entryId, String measures, Object workingDays, Object deadlineDate) {
		LedgerEntry entry = entry(entryId);
		Instant deadline = proposedDeadline(workingDays, deadlineDate, entry.getCampaignId());
		entry.submitMeasures(measures.strip(), at(deadline), now());
		this.audit.record(ACTION_MEASURES_SUBMITTED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId), null,
				"deadline=" + entry.getDeadline());
		return Date.from(deadline);
	}

	/**
	 * {@code Task_RecordMeasuresDecision}: the responsible leader approved or returned
	 * the measures.
	 * @param entryId the ledger entry id
	 * @param approved the decision
	 * @return the decision, as the gateway reads it
	 */
	@Transactional
	public boolean measuresDecided(Long entryId, boolean approved) {
		LedgerEntry entry = entry(entryId);
		String before = entry.getStatus().name();
		entry.decideMeasures(approved, now());
		this.audit.record(ACTION_MEASURES_DECIDED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId), before,
				entry.getStatus().name());
		if (!approved) {
			this.notifier.notifyUser(entry.getResponsiblePerson(), "整改事项「" + entry.getCode() + "」的整改措施被退回，请根据审核意见修改。",
					LedgerService.link(entry));
		}
		return approved;
	}

	/**
	 * {@code Task_RecordWork}: the responsible person reported progress, or asked for
	 * closure or carry-over.
	 * @param entryId the ledger entry id
	 * @param action one of {@link RectificationProcess.Action}
	 * @param progressText the progress report (for {@code PROGRESS})
	 * @param evidenceNote the evidence text (for {@code CLOSURE}), may be blank when
	 * files are attached
	 * @param carryOverReason the reason (for {@code CARRY_OVER})
	 * @param reporter the user who completed the work task
	 */
	@Transactional
	public void workReported(Long entryId, String action, String progressText, String evidenceNote,
			String carryOverReason, String reporter) {
		LedgerEntry entry = entry(entryId);
		switch (RectificationProcess.Action.valueOf(action)) {
			case PROGRESS -> addProgress(entry, progressText, reporter);
			case CLOSURE -> {
				entry.requestClosure(blankToNull(evidenceNote), now());
				this.audit.record(ACTION_CLOSURE_REQUESTED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId),
						LedgerEntry.Status.IN_PROGRESS.name(), entry.getStatus().name());
				this.notifier.notifyGroup(Roles.CAMPAIGN_OFFICE, "整改事项「" + entry.getCode() + "」申请销号，请验收。",
						LedgerService.link(entry));
			}
			case CARRY_OVER -> {
				entry.requestCarryOver(carryOverReason.strip(), now());
				this.audit.record(ACTION_CARRY_OVER_REQUESTED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId),
						LedgerEntry.Status.IN_PROGRESS.name(), entry.getStatus().name());
				this.notifier.notifyGroup(Roles.PARTY_GROUP, "整改事项「" + entry.getCode() + "」申请结转，请审批。",
						LedgerService.link(entry));
			}
		}
	}

	/**
	 * Stores a progress report on an entry whose work runs (also through the API, without
	 * completing the work task).
	 * @param entryId the ledger entry id
	 * @param text the report
	 * @param reporter who reports
	 * @return the stored report
	 */
	@Transactional
	public ProgressReport reportProgress(Long entryId, String text, String reporter) {
		return addProgress(entry(entryId), text, reporter);
	}

	private ProgressReport addProgress(LedgerEntry entry, String text, String reporter) {
		entry.checkProgressAllowed();
		ProgressReport report = this.reports.save(new ProgressReport(entry.getId(), text.strip(), reporter, now()));
		this.audit.record(ACTION_PROGRESS, RectificationProcess.ITEM_TYPE, String.valueOf(entry.getId()), null,
				"progress report " + report.getId());
		return report;
	}

	/**
	 * {@code Task_RecordClosureDecision}: the campaign office accepted (销号) or rejected
	 * the closure. Accepting settles the entry and may settle the campaign's ledger.
	 * @param entryId the ledger entry id
	 * @param accepted the decision
	 * @return the decision, as the gateway reads it
	 */
	@Transactional
	public boolean closureDecided(Long entryId, boolean accepted) {
		LedgerEntry entry = this.ledger.lockForSettlement(entryId);
		entry.decideClosure(accepted, now());
		this.audit.record(ACTION_CLOSURE_DECIDED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId),
				LedgerEntry.Status.CLOSURE_REQUESTED.name(), entry.getStatus().name());
		logger.info("Closure of ledger entry {} {}", entry.getCode(), accepted ? "accepted" : "rejected");
		if (accepted) {
			notifySettled(entry, "整改事项「" + entry.getCode() + "」已验收销号。");
			this.events.publishEvent(new LedgerEntryClosed(entry.getCode(), entry.getUnitCode(), entry.getCreatedAt(),
					entry.getClosedAt()));
			this.ledger.afterSettlement(entry);
		}
		else {
			this.notifier.notifyUser(entry.getResponsiblePerson(), "整改事项「" + entry.getCode() + "」的销号申请未通过验收，请继续整改。",
					LedgerService.link(entry));
		}
		return accepted;
	}

	/**
	 * {@code Task_RecordCarryOverDecision}: the party group approved or rejected the
	 * carry-over. Approving settles the entry and may settle the campaign's ledger.
	 * @param entryId the ledger entry id
	 * @param approved the decision
	 * @return the decision ({@code carriedOver}), as the gateways read it
	 */
	@Transactional
	public boolean carryOverDecided(Long entryId, boolean approved) {
		LedgerEntry entry = this.ledger.lockForSettlement(entryId);
		entry.decideCarryOver(approved, now());
		this.audit.record(ACTION_CARRY_OVER_DECIDED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId),
				LedgerEntry.Status.CARRY_OVER_REQUESTED.name(), entry.getStatus().name());
		logger.info("Carry-over of ledger entry {} {}", entry.getCode(), approved ? "approved" : "rejected");
		if (approved) {
			notifySettled(entry, "整改事项「" + entry.getCode() + "」的结转申请已批准。");
			this.notifier.notifyGroup(Roles.CAMPAIGN_OFFICE, "整改事项「" + entry.getCode() + "」已结转。",
					LedgerService.link(entry));
			this.ledger.afterSettlement(entry);
		}
		else {
			this.notifier.notifyUser(entry.getResponsiblePerson(), "整改事项「" + entry.getCode() + "」的结转申请未获批准，请继续整改。",
					LedgerService.link(entry));
		}
		return approved;
	}

	private void notifySettled(LedgerEntry entry, String text) {
		this.notifier.notifyUser(entry.getResponsiblePerson(), text, LedgerService.link(entry));
		if (entry.getResponsibleLeader() != null
				&& !entry.getResponsibleLeader().equals(entry.getResponsiblePerson())) {
			this.notifier.notifyUser(entry.getResponsibleLeader(), text, LedgerService.link(entry));
		}
	}

	/**
	 * The deadline a draft proposes: close of business after the given working days, or
	 * close of business on the given date; not in the past and, when the campaign's
	 * rectification phase has an end, not after it.
	 * @param workingDays working days allowed (a number or numeric text), or
	 * {@code null}/blank
	 * @param deadlineDate the date ({@code yyyy-MM-dd} text, {@link Date} or
	 * {@link LocalDate}), or {@code null}/blank
	 * @param campaignId the campaign, to check against its rectification phase
	 * @return the deadline
	 * @throws TaskRuleViolation if the deadline is missing, ambiguous or out of range
	 */
	Instant proposedDeadline(Object workingDays, Object deadlineDate, Long campaignId) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Integer days = workingDays(workingDays);
		LocalDate date = date(deadlineDate);
		if (days == null && date == null) {
			throw new TaskRuleViolation("请填写整改时限：工作日数或完成日期", "a deadline (working days or a date) is required");
		}
		if (days != null && date != null) {
			throw new TaskRuleViolation("整改时限请只填写工作日数或完成日期其中一项", "give either working days or a date, not both");
		}
		Instant deadline;
		if (days != null) {
			if (days < 1 || days > MAX_WORKING_DAYS) {
				throw new TaskRuleViolation("「整改工作日数」须在1到" + MAX_WORKING_DAYS + "之间",
						"workingDays must be between 1 and " + MAX_WORKING_DAYS);
			}
			deadline = this.calendar.deadline(now, days).toInstant();
		}
		else {
			deadline = this.calendar.closeOfBusiness(date).toInstant();
			if (!deadline.isAfter(now)) {
				throw new TaskRuleViolation("「完成日期」不能早于当前日期", "deadlineDate lies in the past");
			}
		}
		Optional<Instant> end = this.periods.orderedStream()
			.map((period) -> period.rectificationEnd(campaignId))
			.flatMap(Optional::stream)
			.findFirst();
		if (end.isPresent() && deadline.isAfter(end.get())) {
			throw new TaskRuleViolation("整改时限不能晚于整改阶段截止时间 " + DISPLAY.format(end.get().atZone(this.calendar.zone())),
					"the deadline " + deadline + " lies after the end of the rectification phase " + end.get());
		}
		return deadline;
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
			return LocalDate.ofInstant(date.toInstant(), this.calendar.zone());
		}
		try {
			String text = value.toString().strip();
			return LocalDate.parse((text.length() > 10) ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new TaskRuleViolation("「完成日期」不是有效的日期", "deadlineDate is not a date");
		}
	}

	private LedgerEntry entry(Long entryId) {
		return this.entries.findById(entryId)
			.orElseThrow(() -> new IllegalArgumentException("No ledger entry " + entryId));
	}

	private OffsetDateTime now() {
		return this.ledger.now();
	}

	private OffsetDateTime at(Instant instant) {
		return instant.atZone(this.calendar.zone()).toOffsetDateTime();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
