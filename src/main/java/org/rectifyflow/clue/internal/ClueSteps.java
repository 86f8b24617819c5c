package org.rectifyflow.clue.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueClosed;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueStatus;
import org.rectifyflow.clue.DisposalMethod;
import org.rectifyflow.clue.Route;
import org.rectifyflow.clue.TriageAnswers;
import org.rectifyflow.deadline.DeadlinePassed;
import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.notification.Notifier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code clue.bpmn}: the service tasks call these methods with the clue's
 * id, and {@link ClueTasks} calls them with the typed inputs of a completed user task.
 * Each step changes the clue through its own guarded transitions and is audited.
 */
@Service("clueSteps")
public class ClueSteps {

	/** Where a re-reviewed clue's disposal task waits. */
	static final String RE_REVIEW_LINK = "/camunda/app/tasklist/default/";

	private final ClueRepository clues;

	private final ClueDisposalRepository disposals;

	private final HandlingOpinionRepository opinions;

	private final ClueFeedbackRepository feedbacks;

	private final ReporterCipher cipher;

	private final ClueProperties properties;

	private final RuntimeService runtimeService;

	private final SystemAuthority systemAuthority;

	private final WorkingDayCalendar calendar;

	private final AuditService audit;

	private final Notifier notifier;

	private final ApplicationEventPublisher events;

	ClueSteps(ClueRepository clues, ClueDisposalRepository disposals, HandlingOpinionRepository opinions,
			ClueFeedbackRepository feedbacks, ReporterCipher cipher, ClueProperties properties,
			RuntimeService runtimeService, SystemAuthority systemAuthority, WorkingDayCalendar calendar,
			AuditService audit, Notifier notifier, ApplicationEventPublisher events) {
		this.clues = clues;
		this.disposals = disposals;
		this.opinions = opinions;
		this.feedbacks = feedbacks;
		this.cipher = cipher;
		this.properties = properties;
		this.runtimeService = runtimeService;
		this.systemAuthority = systemAuthority;
		this.calendar = calendar;
		this.audit = audit;
		this.notifier = notifier;
		this.events = events;
	}

	/**
	 * {@code Task_Register}: records what the registration decided besides the route (the
	 * duplicated clue, the receiving body, the reason) and, for an accepted clue, the
	 * triage answers.
	 */
	@Transactional
	void recordRegistration(Long clueId, String duplicateOf, String transferBody, String reason,
			TriageAnswers answers) {
		Clue clue = clue(clueId);
		clue.recordRegistration(duplicateOf, transferBody, reason);
		if (answers != null) {
			clue.answerTriage(answers);
		}
	}

	/** {@code Task_Accept}: the registration check accepted the clue. */
	@Transactional
	public void accept(Long clueId) {
		Clue clue = clue(clueId);
		clue.accept();
		this.audit.record("CLUE_ACCEPTED", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.RECEIVED.name(),
				clue.getStatus().name());
	}

	/** {@code Task_LinkDuplicate}: the clue duplicates the one the registration named. */
	@Transactional
	public void markDuplicate(Long clueId) {
		Clue clue = clue(clueId);
		clue.markDuplicate(now());
		this.audit.record("CLUE_DUPLICATE", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.RECEIVED.name(),
				"duplicate of " + clue.getDuplicateOf());
	}

	/** {@code Task_TransferOut}: outside the jurisdiction. */
	@Transactional
	public void transferOut(Long clueId) {
		Clue clue = clue(clueId);
		clue.transferOut(now());
		this.audit.record("CLUE_TRANSFERRED", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.RECEIVED.name(),
				"to " + clue.getTransferBody());
	}

	/** {@code Task_Decline}: declined with the registration's reason. */
	@Transactional
	public void decline(Long clueId) {
		Clue clue = clue(clueId);
		clue.decline(now());
		this.audit.record("CLUE_DECLINED", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.RECEIVED.name(),
				ClueStatus.DECLINED.name());
	}

	/**
	 * Records the triage result (called by the triage delegate).
	 */
	@Transactional
	void recordTriage(Long clueId, Route route, DisposalMethod suggestion) {
		Clue clue = clue(clueId);
		clue.triaged(route, suggestion);
		this.audit.record("CLUE_TRIAGED", ClueProcess.ITEM_TYPE, clue.getNumber(), null,
				route + ", suggested " + suggestion);
	}

	/**
	 * {@code Task_SetDeadline}: the discipline lead's working days for a STANDARD clue.
	 */
	@Transactional
	void setInvestigationWorkingDays(Long clueId, int workingDays) {
		clue(clueId).setInvestigationWorkingDays(workingDays);
	}

	/**
	 * Working days for the investigation: the green channel's fixed period, else what the
	 * discipline lead set.
	 * @param clue the clue
	 * @return the working days
	 */
	int investigationWorkingDays(Clue clue) {
		if (clue.getRoute() == Route.GREEN) {
			return this.properties.greenWorkingDays();
		}
		return (clue.getInvestigationWorkingDays() != null) ? clue.getInvestigationWorkingDays()
				: this.properties.standardDefaultWorkingDays();
	}

	/** {@code Task_Dispose}: records the proposed disposal. */
	@Transactional
	void proposeDisposal(Long clueId, DisposalMethod method, String reason, String by) {
		Clue clue = clue(clueId);
		clue.dispose(method);
		this.disposals.save(new ClueDisposal(clue.getId(), method, clue.getSuggestedDisposal(), reason, by, now()));
		this.audit.record("CLUE_DISPOSAL_PROPOSED", ClueProcess.ITEM_TYPE, clue.getNumber(), null, method.name());
	}

	/**
	 * {@code Task_ApproveDisposal}: decides the proposed disposal.
	 * @return the disposal decided on
	 */
	@Transactional
	DisposalMethod decideDisposal(Long clueId, boolean approved, String by) {
		Clue clue = clue(clueId);
		ClueDisposal disposal = this.disposals.findFirstByClueIdOrderByIdDesc(clue.getId())
			.orElseThrow(() -> Refusal.conflict("没有待审批的处置意见", "no disposal to decide"));
		checkUndecided(disposal.getApproved(), clue, "disposal");
		disposal.decide(approved, by, now());
		if (!approved) {
			clue.dispose(null);
		}
		this.audit.record(approved ? "CLUE_DISPOSAL_APPROVED" : "CLUE_DISPOSAL_REJECTED", ClueProcess.ITEM_TYPE,
				clue.getNumber(), disposal.getMethod().name(), String.valueOf(approved));
		return disposal.getMethod();
	}

	/** {@code Task_Shelve}: the approved 暂存待查. */
	@Transactional
	public void shelve(Long clueId) {
		Clue clue = clue(clueId);
		clue.shelve();
		this.audit.record("CLUE_SHELVED", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.ACCEPTED.name(),
				ClueStatus.SHELVED.name());
	}

	/** {@code Task_ReReview}: a shelved clue comes back when its period is over. */
	@Transactional
	public void reReview(Long clueId) {
		Clue clue = clue(clueId);
		clue.reReview();
		this.audit.record("CLUE_REREVIEW", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.SHELVED.name(),
				ClueStatus.ACCEPTED.name());
		// Only the number: the clue's content stays with those who open it.
		String text = "问题线索" + clue.getNumber() + "暂存期满，已退回重新研判，请及时处置。";
		this.notifier.notifyGroups(List.of(Roles.DISCIPLINE_GROUP, Roles.DISCIPLINE_LEAD), text, RE_REVIEW_LINK);
	}

	/**
	 * {@code Task_StartInvestigation}, after {@code Task_ArmDeadline}: starts the
	 * investigation with the deadline the deadline pattern armed for the process.
	 * @param clueId the clue
	 */
	@Transactional
	public void startInvestigation(Long clueId) {
		Clue clue = clue(clueId);
		Date deadlineAt = this.systemAuthority.call(() -> (Date) this.runtimeService
			.getVariable(clue.getProcessInstanceId(), DeadlinePattern.VAR_DEADLINE_AT));
		if (deadlineAt == null) {
			throw new IllegalStateException("No deadline armed for clue " + clue.getNumber());
		}
		clue.startInvestigation(deadlineAt.toInstant().atZone(zone()).toOffsetDateTime());
		this.audit.record("CLUE_INVESTIGATION_STARTED", ClueProcess.ITEM_TYPE, clue.getNumber(),
				ClueStatus.ACCEPTED.name(), "deadline " + deadlineAt.toInstant());
	}

	/** {@code Task_HandlingOpinion}: records the proposed handling opinion. */
	@Transactional
	void proposeOpinion(Long clueId, HandlingOutcome outcome, String text, String by) {
		Clue clue = clue(clueId);
		this.opinions.save(new HandlingOpinion(clue.getId(), outcome, text, by, now()));
		this.audit.record("CLUE_OPINION_PROPOSED", ClueProcess.ITEM_TYPE, clue.getNumber(), null, outcome.name());
	}

	/** {@code Task_ApproveOpinion}: decides the proposed handling opinion. */
	@Transactional
	void decideOpinion(Long clueId, boolean approved, String by) {
		Clue clue = clue(clueId);
		HandlingOpinion opinion = this.opinions.findFirstByClueIdOrderByIdDesc(clue.getId())
			.orElseThrow(() -> Refusal.conflict("没有待审批的处理意见", "no handling opinion to decide"));
		checkUndecided(opinion.getApproved(), clue, "handling opinion");
		opinion.decide(approved, by, now());
		this.audit.record(approved ? "CLUE_OPINION_APPROVED" : "CLUE_OPINION_REJECTED", ClueProcess.ITEM_TYPE,
				clue.getNumber(), opinion.getOutcome().name(), String.valueOf(approved));
	}

	/**
	 * 撤回 of {@code Task_Dispose} while its approval waits: the proposal is taken back,
	 * the clue awaits a disposal again.
	 */
	@Transactional
	void withdrawDisposal(Long clueId, String by) {
		Clue clue = clue(clueId);
		ClueDisposal disposal = this.disposals.findFirstByClueIdOrderByIdDesc(clue.getId())
			.filter((d) -> d.getApproved() == null)
			.orElseThrow(() -> Refusal.conflict("没有待审批的处置意见，无法撤回", "no undecided disposal to withdraw"));
		clue.dispose(null);
		this.disposals.delete(disposal);
		this.audit.record("CLUE_DISPOSAL_WITHDRAWN", ClueProcess.ITEM_TYPE, clue.getNumber(),
				disposal.getMethod().name(), by);
	}

	/**
	 * 撤回 of {@code Task_HandlingOpinion} while its approval waits: the proposed opinion
	 * is taken back.
	 */
	@Transactional
	void withdrawOpinion(Long clueId, String by) {
		Clue clue = clue(clueId);
		HandlingOpinion opinion = this.opinions.findFirstByClueIdOrderByIdDesc(clue.getId())
			.filter((o) -> o.getApproved() == null)
			.orElseThrow(() -> Refusal.conflict("没有待审批的处理意见，无法撤回", "no undecided handling opinion to withdraw"));
		this.opinions.delete(opinion);
		this.audit.record("CLUE_OPINION_WITHDRAWN", ClueProcess.ITEM_TYPE, clue.getNumber(),
				opinion.getOutcome().name(), by);
	}

	/** {@code Task_WriteFeedback}: stores the feedback for the reporter. */
	@Transactional
	void writeFeedback(Long clueId, String text, String by) {
		Clue clue = clue(clueId);
		if (this.feedbacks.findByClueId(clue.getId()).isPresent()) {
			throw Refusal.conflict("该线索已有反馈意见", "the clue already has its feedback");
		}
		this.feedbacks.save(new ClueFeedback(clue.getId(), text, by, now()));
	}

	/**
	 * {@code Task_Close}: closes the clue with the feedback written before, and mails the
	 * feedback to a named reporter who gave a mail address.
	 * @param clueId the clue
	 */
	@Transactional
	public void close(Long clueId) {
		Clue clue = clue(clueId);
		ClueFeedback feedback = this.feedbacks.findByClueId(clue.getId())
			.orElseThrow(() -> Refusal.conflict("请先撰写反馈意见", "the clue has no feedback"));
		ClueStatus before = clue.getStatus();
		clue.close(now());
		Reporter reporter = this.cipher.open(clue);
		if (reporter != null && reporter.email() != null) {
			// the outbox keeps the reference; the address is decrypted again when sending
			this.notifier.mailConfidential(ClueReporterMail.reference(clue.getNumber()),
					"问题线索办理结果反馈（" + clue.getNumber() + "）", "您反映的问题线索（编号 " + clue.getNumber() + "）已办结。\n\n反馈意见：\n"
							+ feedback.getText() + "\n\n感谢您对作风建设的关心和支持。");
			feedback.mailed();
		}
		this.audit.record("CLUE_CLOSED", ClueProcess.ITEM_TYPE, clue.getNumber(), before.name(),
				ClueStatus.CLOSED.name() + (feedback.isMailed() ? ", feedback mailed" : ""));
		this.events
			.publishEvent(new ClueClosed(clue.getNumber(), clue.getRoute(), clue.getReceivedAt(), clue.getClosedAt()));
	}

	/**
	 * Marks the clue overdue when its deadline escalates.
	 * @param event the escalation
	 */
	@EventListener
	@Transactional
	public void onDeadlinePassed(DeadlinePassed event) {
		if (!ClueProcess.KEY.equals(event.processDefinitionKey())) {
			return;
		}
		this.clues.findByProcessInstanceId(event.processInstanceId()).ifPresent((clue) -> {
			if (!clue.isOverdue()) {
				clue.markOverdue((event.deadline() != null) ? event.deadline().atOffset(ZoneOffset.UTC) : null);
				this.audit.record("CLUE_OVERDUE", ClueProcess.ITEM_TYPE, clue.getNumber(), null,
						"level " + event.level());
			}
		});
	}

	/**
	 * Each approval task decides the latest proposal, which the process only ever offers
	 * undecided. Found decided, it was decided by a second completion of the same task
	 * that committed while this one ran (two approvers, or one approver's double submit):
	 * this completion lost the race and is rolled back as a conflict (409), not as a
	 * broken invariant.
	 */
	static void checkUndecided(Boolean decision, Clue clue, String what) {
		if (decision != null) {
			throw new OptimisticLockingException(
					"The " + what + " of clue " + clue.getNumber() + " has just been decided by someone else");
		}
	}

	private Clue clue(Long clueId) {
		return this.clues.findById(clueId).orElseThrow(() -> new IllegalStateException("No clue " + clueId));
	}

	private ZoneId zone() {
		return this.calendar.zone();
	}

	private OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(zone()).toOffsetDateTime();
	}

}
