package org.rectifyflow.clue.internal;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueStatus;
import org.rectifyflow.clue.Route;
import org.rectifyflow.deadline.DeadlineService;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one extension (延期) a STANDARD clue may have: requested by a member of the
 * discipline group, decided by the discipline lead in {@code Task_ApproveExtension}. The
 * request names its requester to the process
 * ({@link ClueProcess#VAR_EXTENSION_REQUESTED_BY}), whom the general four-eyes rule keeps
 * off the approval.
 */
@Service
public class ClueExtensions {

	private final ClueRepository clues;

	private final ClueExtensionRepository extensions;

	private final ClueProperties properties;

	private final RuntimeService runtimeService;

	private final SystemAuthority systemAuthority;

	private final DeadlineService deadlineService;

	private final WorkingDayCalendar calendar;

	private final AuditService audit;

	ClueExtensions(ClueRepository clues, ClueExtensionRepository extensions, ClueProperties properties,
			RuntimeService runtimeService, SystemAuthority systemAuthority, DeadlineService deadlineService,
			WorkingDayCalendar calendar, AuditService audit) {
		this.clues = clues;
		this.extensions = extensions;
		this.properties = properties;
		this.runtimeService = runtimeService;
		this.systemAuthority = systemAuthority;
		this.deadlineService = deadlineService;
		this.calendar = calendar;
		this.audit = audit;
	}

	/**
	 * Requests the one extension a STANDARD clue may have; the discipline lead decides in
	 * {@code Task_ApproveExtension}.
	 * @param clueId the clue
	 * @param reason the reason
	 * @param workingDays the extra working days
	 * @param userId the requesting member of the discipline group
	 */
	@Transactional
	public void request(Long clueId, String reason, Integer workingDays, String userId) {
		if (NewClue.isBlank(reason)) {
			throw Refusal.invalid("请填写延期理由", "reason is required");
		}
		ClueInputs.checkLength(reason, 2000, "延期理由", "reason");
		int max = this.properties.extensionMaxWorkingDays();
		if (workingDays == null || workingDays < 1 || workingDays > max) {
			throw Refusal.invalid("延期天数应为1至" + max + "个工作日", "workingDays must be 1.." + max);
		}
		Clue clue = this.clues.lockById(clueId).orElseThrow(() -> Refusal.notFound("线索不存在", "no such clue"));
		if (clue.isExtensionUsed()) {
			throw Refusal.conflict("每条线索只能申请一次延期，本线索已申请过延期", "the clue has already had its extension request");
		}
		if (clue.getStatus() != ClueStatus.INVESTIGATING) {
			throw Refusal.conflict("只有正在核查的线索可以申请延期", "the clue is not under investigation");
		}
		if (clue.getRoute() != Route.STANDARD) {
			throw Refusal.conflict("绿色通道线索不能延期", "green channel clues cannot be extended");
		}
		clue.extensionRequested();
		this.extensions
			.save(new ClueExtension(clue.getId(), reason.strip(), workingDays, userId, now(), clue.getDeadlineAt()));
		this.systemAuthority
			.run(() -> this.runtimeService.createMessageCorrelation(ClueProcess.MESSAGE_EXTENSION_REQUESTED)
				.processInstanceId(clue.getProcessInstanceId())
				.setVariable(ClueProcess.VAR_EXTENSION_REQUESTED_BY, userId)
				.correlate());
		this.audit.recordAs(userId, "CLUE_EXTENSION_REQUESTED", ClueProcess.ITEM_TYPE, clue.getNumber(), null,
				workingDays + " working days", null);
	}

	/**
	 * {@code Task_ApproveExtension}: on approval, moves the deadline and its timers by
	 * the requested working days.
	 * @param clueId the clue
	 * @param approved whether the discipline lead approved
	 * @param by the discipline lead
	 */
	@Transactional
	void decide(Long clueId, boolean approved, String by) {
		Clue clue = this.clues.findById(clueId).orElseThrow(() -> new IllegalStateException("No clue " + clueId));
		ClueExtension extension = this.extensions.findFirstByClueIdOrderByIdDesc(clue.getId())
			.orElseThrow(() -> Refusal.conflict("没有待审批的延期申请", "no extension to decide"));
		ClueSteps.checkUndecided(extension.getApproved(), clue, "extension");
		OffsetDateTime newDeadline = null;
		if (approved) {
			newDeadline = this.calendar.deadline(clue.getDeadlineAt().toInstant(), extension.getWorkingDays())
				.toOffsetDateTime();
			this.deadlineService.extend(clue.getProcessInstanceId(), newDeadline.toInstant());
			clue.extendTo(newDeadline);
		}
		extension.decide(newDeadline, by, now());
		this.audit.record(approved ? "CLUE_EXTENSION_APPROVED" : "CLUE_EXTENSION_REJECTED", ClueProcess.ITEM_TYPE,
				clue.getNumber(), String.valueOf(extension.getPreviousDeadline()), String.valueOf(newDeadline));
	}

	private OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toOffsetDateTime();
	}

}
