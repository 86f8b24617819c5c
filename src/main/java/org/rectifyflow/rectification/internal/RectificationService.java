package org.rectifyflow.rectification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.kernel.Dates;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerEntryClosed;
import org.rectifyflow.rectification.LedgerMeasure;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationPeriod;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code bpmn/rectification.bpmn}: {@link RectificationTasks} calls one
 * method here with the ledger entry's id and typed inputs when a user task completes, and
 * the method changes the {@link LedgerEntry} (which guards its own transitions), audits
 * and notifies. The process's assignee expressions read the responsible people from the
 * entry by the instance's business key.
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
	public static final int TEXT = 2000;

	static final int MAX_WORKING_DAYS = 365;

	private static final Logger logger = LoggerFactory.getLogger(RectificationService.class);

	private final LedgerService ledger;

	private final ClosureRequestRepository closures;

	private final LedgerEntryRepository entries;

	private final ProgressReportRepository reports;

	private final WorkingDayCalendar calendar;

	private final ObjectProvider<RectificationPeriod> periods;

	private final AuditService audit;

	private final Notifier notifier;

	private final ApplicationEventPublisher events;

	RectificationService(LedgerService ledger, LedgerEntryRepository entries, ProgressReportRepository reports,
			WorkingDayCalendar calendar, ObjectProvider<RectificationPeriod> periods, AuditService audit,
			Notifier notifier, ApplicationEventPublisher events, ClosureRequestRepository closures) {
		this.closures = closures;
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
	 * The responsible person of the entry a rectification instance works on: the assignee
	 * of the drafting and work tasks.
	 * @param entryCode the process instance's business key
	 * @return the responsible person recorded on the entry
	 */
	public String responsiblePersonOf(String entryCode) {
		return entry(entryCode).getResponsiblePerson();
	}

	/**
	 * The responsible leader of the entry a rectification instance works on: the assignee
	 * of the measures approval.
	 * @param entryCode the process instance's business key
	 * @return the responsible leader recorded on the entry
	 */
	public String responsibleLeaderOf(String entryCode) {
		return entry(entryCode).getResponsibleLeader();
	}

	/**
	 * {@code Task_AssignResponsible} completed: the unit leader named the responsible
	 * person.
	 * @param entryId the ledger entry id
	 * @param responsiblePerson the responsible person (责任人)
	 * @param responsibleLeader the responsible leader, {@code null} for the unit leader
	 * recorded when the entry was opened
	 */
	@Transactional
	public void assign(Long entryId, String responsiblePerson, String responsibleLeader) {
		LedgerEntry entry = entry(entryId);
		String leader = (responsibleLeader != null) ? responsibleLeader : entry.getResponsibleLeader();
		entry.assignResponsible(responsiblePerson, leader, now());
		this.audit.record(ACTION_ASSIGNED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId), null,
				"responsiblePerson=" + entry.getResponsiblePerson() + " responsibleLeader=" + leader);
		this.notifier.notifyUser(entry.getResponsiblePerson(), "您被指定为整改事项「" + entry.getCode() + "」的责任人，请制定整改措施和完成时限。",
				LedgerService.link(entry));
	}

	/**
	 * {@code Task_DraftMeasures} completed: the responsible person submitted measures and
	 * a deadline for approval.
	 * @param entryId the ledger entry id
	 * @param measures the measures, one per row
	 * @param text the rows written out as text ({@link MeasureRows#text})
	 * @param workingDays working days allowed, or {@code null}
	 * @param deadlineDate the deadline date, or {@code null}
	 * @return the proposed deadline
	 */
	@Transactional
	public Instant submitMeasures(Long entryId, List<LedgerMeasure> measures, String text, Integer workingDays,
			LocalDate deadlineDate) {
		LedgerEntry entry = entry(entryId);
		Instant deadline = proposedDeadline(workingDays, deadlineDate, entry.getCampaignId());
		entry.submitMeasures(measures, text, at(deadline), now());
		this.audit.record(ACTION_MEASURES_SUBMITTED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId), null,
				"deadline=" + entry.getDeadline());
		return deadline;
	}

	/**
	 * {@code Task_ApproveMeasures} completed: the responsible leader approved or returned
	 * the measures.
	 * @param entryId the ledger entry id
	 * @param approved the decision
	 */
	@Transactional
	public void decideMeasures(Long entryId, boolean approved) {
		LedgerEntry entry = entry(entryId);
		String before = entry.getStatus().name();
		entry.decideMeasures(approved, now());
		this.audit.record(ACTION_MEASURES_DECIDED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId), before,
				entry.getStatus().name());
		if (!approved) {
			this.notifier.notifyUser(entry.getResponsiblePerson(), "整改事项「" + entry.getCode() + "」的整改措施被退回，请根据审核意见修改。",
					LedgerService.link(entry));
		}
	}

	/**
	 * {@code Task_Rectify} completed: the responsible person reported progress, or asked
	 * for closure or carry-over.
	 * @param entryId the ledger entry id
	 * @param action what the responsible person chose
	 * @param text the progress report ({@code PROGRESS}), the evidence note
	 * ({@code CLOSURE}, {@code null} when files are attached) or the reason
	 * ({@code CARRY_OVER})
	 * @param reporter the user who completed the work task
	 */
	@Transactional
	public void reportWork(Long entryId, RectificationProcess.Action action, String text, String reporter) {
		LedgerEntry entry = entry(entryId);
		switch (action) {
			case PROGRESS -> addProgress(entry, text, reporter);
			case CLOSURE -> {
				List<ClosureRequest> earlier = this.closures.findByLedgerEntryIdOrderByAttemptAsc(entryId);
				ClosureRequest request = this.closures
					.save(new ClosureRequest(entryId, earlier.size() + 1, blankToNull(text), reporter, now()));
				List<ClosureRequest> all = new java.util.ArrayList<>(earlier);
				all.add(request);
				entry.requestClosure(evidenceNotes(all), now());
				this.audit.record(ACTION_CLOSURE_REQUESTED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId),
						LedgerEntry.Status.IN_PROGRESS.name(), entry.getStatus().name());
				this.notifier.notifyGroup(Roles.CAMPAIGN_OFFICE, "整改事项「" + entry.getCode() + "」申请销号，请验收。",
						LedgerService.link(entry));
			}
			case CARRY_OVER -> {
				entry.requestCarryOver(text.strip(), now());
				this.audit.record(ACTION_CARRY_OVER_REQUESTED, RectificationProcess.ITEM_TYPE, String.valueOf(entryId),
						LedgerEntry.Status.IN_PROGRESS.name(), entry.getStatus().name());
				this.notifier.notifyGroup(Roles.PARTY_GROUP, "整改事项「" + entry.getCode() + "」申请结转，请审批。",
						LedgerService.link(entry));
			}
		}
	}

	/**
	 * The closure requests of an entry so far, each with its own evidence note.
	 * @param entryId the ledger entry id
	 * @return the requests, first first
	 */
	@Transactional(readOnly = true)
	public List<ClosureRequest> closureRequests(Long entryId) {
		return this.closures.findByLedgerEntryIdOrderByAttemptAsc(entryId);
	}

	/**
	 * The evidence notes of the closure requests as one text: the note itself after one
	 * request, each note under its attempt after several.
	 * @param requests the requests, first first
	 * @return the notes, or {@code null} if none has a note
	 */
	static String evidenceNotes(List<ClosureRequest> requests) {
		List<ClosureRequest> noted = requests.stream().filter((r) -> r.getEvidenceNote() != null).toList();
		if (noted.isEmpty()) {
			return null;
		}
		if (requests.size() == 1) {
			return noted.get(0).getEvidenceNote();
		}
		String joined = String.join("\n",
				noted.stream().map((r) -> "第" + r.getAttempt() + "次申请销号：" + r.getEvidenceNote()).toList());
		return (joined.length() > LONG_TEXT) ? joined.substring(joined.length() - LONG_TEXT) : joined;
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
	 * {@code Task_AcceptClosure} completed: the campaign office accepted (销号) or rejected
	 * the closure. Accepting settles the entry and may settle the campaign's ledger.
	 * @param entryId the ledger entry id
	 * @param accepted the decision
	 */
	@Transactional
	public void decideClosure(Long entryId, boolean accepted) {
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
	}

	/**
	 * {@code Task_ApproveCarryOver} completed: the party group approved or rejected the
	 * carry-over. Approving settles the entry and may settle the campaign's ledger.
	 * @param entryId the ledger entry id
	 * @param approved the decision
	 */
	@Transactional
	public void decideCarryOver(Long entryId, boolean approved) {
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
	 * @param days working days allowed, or {@code null}
	 * @param date the date, or {@code null}
	 * @param campaignId the campaign, to check against its rectification phase
	 * @return the deadline
	 * @throws TaskRuleViolation if the deadline is missing, ambiguous or out of range
	 */
	public Instant proposedDeadline(Integer days, LocalDate date, Long campaignId) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
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
			if (!this.calendar.isWorkingDay(date)) {
				throw new TaskRuleViolation("「完成日期」" + date.getYear() + "年" + date.getMonthValue() + "月"
						+ date.getDayOfMonth() + "日不是工作日，请选择工作日", "deadlineDate " + date + " is not a working day");
			}
		}
		Optional<Instant> end = this.periods.orderedStream()
			.map((period) -> period.rectificationEnd(campaignId))
			.flatMap(Optional::stream)
			.findFirst();
		if (end.isPresent() && deadline.isAfter(end.get())) {
			throw new TaskRuleViolation("整改时限不能晚于整改阶段截止时间 " + Dates.chinese(end.get()),
					"the deadline " + deadline + " lies after the end of the rectification phase " + end.get());
		}
		return deadline;
	}

	ZoneId zone() {
		return this.calendar.zone();
	}

	private LedgerEntry entry(Long entryId) {
		return this.entries.findById(entryId)
			.orElseThrow(() -> Refusal.notFound("整改事项不存在", "no ledger entry " + entryId));
	}

	private LedgerEntry entry(String entryCode) {
		return this.entries.findByCode(entryCode)
			.orElseThrow(() -> Refusal.notFound("整改事项不存在", "no ledger entry " + entryCode));
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
