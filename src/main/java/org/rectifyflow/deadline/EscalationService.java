package org.rectifyflow.deadline;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.rectifyflow.kernel.Dates;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.notification.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises one level of the escalation ladder for overdue work: a supervision notice, the
 * overdue mark (process variable and {@link DeadlinePassed} event), a notification or an
 * external mail, an audit entry, and the time of the next level.
 */
@Service
public class EscalationService {

	static final String ACTION_ESCALATED = "DEADLINE_ESCALATED";

	static final String ACTION_REURGED = "DEADLINE_REURGED";

	/** At most this many passed levels are skipped over in one catch-up. */
	private static final int MAX_CATCH_UP_LEVELS = 1000;

	static final String TASKLIST_LINK = "/camunda/app/tasklist/default/";

	private static final Logger logger = LoggerFactory.getLogger(EscalationService.class);

	private final EscalationProperties properties;

	private final WorkingDayCalendar calendar;

	private final SupervisionService supervision;

	private final Notifier notifier;

	private final AuditService audit;

	private final ApplicationEventPublisher events;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final RepositoryService repositoryService;

	private final SystemAuthority systemAuthority;

	EscalationService(EscalationProperties properties, WorkingDayCalendar calendar, SupervisionService supervision,
			Notifier notifier, AuditService audit, ApplicationEventPublisher events, RuntimeService runtimeService,
			TaskService taskService, RepositoryService repositoryService, SystemAuthority systemAuthority) {
		this.properties = properties;
		this.calendar = calendar;
		this.supervision = supervision;
		this.notifier = notifier;
		this.audit = audit;
		this.events = events;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.repositoryService = repositoryService;
		this.systemAuthority = systemAuthority;
	}

	/**
	 * Raises the level due now for overdue work. Never completes or cancels the work
	 * itself.
	 * <p>
	 * After a pause (the application or its job executor stopped while levels fell due),
	 * the levels whose time passed meanwhile are not replayed: the level due now is
	 * raised once, with one notice that records the passed levels, one notification or
	 * mail, and the next level is scheduled after it. A group that still holds an open 督办
	 * task of this ladder is not given a second one: it is urged again instead
	 * (notification, no new task or notice), so that the last level of the chain, which
	 * repeats, never piles up tasks.
	 * @param processDefinitionKey the key of the overdue process (selects the chain)
	 * @param processName the name of the overdue process as its handlers know it, or
	 * {@code null} to read it from the latest deployed version
	 * @param processInstanceId the overdue process instance
	 * @param businessKey its business key (may be {@code null})
	 * @param level the next level in order, 1 when the deadline has just passed
	 * @param deadline the deadline that passed
	 * @param levelDueAt when that level was due (the deadline for level 1)
	 * @param ladderInstanceId the escalation process instance raising the level
	 * @return what was raised and when the next level is due
	 */
	@Transactional
	public Escalation escalate(String processDefinitionKey, String processName, String processInstanceId,
			String businessKey, int level, Instant deadline, Instant levelDueAt, String ladderInstanceId) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		int target = level;
		Instant targetDueAt = levelDueAt;
		for (int i = 0; i < MAX_CATCH_UP_LEVELS; i++) {
			Instant next = nextLevelAt(processDefinitionKey, targetDueAt);
			if (next.isAfter(now)) {
				break;
			}
			target++;
			targetDueAt = next;
		}
		Integer passedFrom = (target > level) ? level : null;
		Instant nextLevelAt = nextLevelAt(processDefinitionKey, targetDueAt);
		String entry = this.properties.levelFor(processDefinitionKey, target);
		String subject = ((processName != null) ? processName : latestName(processDefinitionKey))
				+ ((businessKey != null) ? "（" + businessKey + "）" : "") + "逾期，第" + target + "级督办";
		String text = subject + "。办理期限 " + Dates.chinese(deadline) + " 已过，请督促办理。";
		Escalation escalation;
		if (entry.startsWith(EscalationProperties.EXTERNAL_PREFIX)) {
			String name = entry.substring(EscalationProperties.EXTERNAL_PREFIX.length());
			EscalationProperties.External recipient = this.properties.externalRecipient(name);
			this.supervision.raiseToExternal(processDefinitionKey, processInstanceId, businessKey, target, name,
					deadline, passedFrom);
			this.notifier.mailExternal(recipient.getAddress(), "督办通知：" + subject,
					((recipient.getName() != null) ? recipient.getName() + "：\n" : "") + text + "\n业务编号：" + businessKey
							+ "\n流程实例：" + processInstanceId);
			escalation = new Escalation(target, null, name, nextLevelAt, subject, false);
		}
		// a ladder raising its first level holds no 督办 task yet
		else if (level > 1 && holdsOpenSupervision(ladderInstanceId, entry)) {
			this.notifier.notifyGroup(entry, "再次督促：" + text, TASKLIST_LINK);
			escalation = new Escalation(target, entry, null, nextLevelAt, subject, true);
		}
		else {
			this.supervision.raiseToGroup(processDefinitionKey, processInstanceId, businessKey, target, entry, deadline,
					passedFrom);
			this.notifier.notifyGroup(entry, text, TASKLIST_LINK);
			escalation = new Escalation(target, entry, null, nextLevelAt, subject, false);
		}
		this.systemAuthority
			.run(() -> this.runtimeService.setVariable(processInstanceId, DeadlinePattern.VAR_OVERDUE, true));
		this.events
			.publishEvent(new DeadlinePassed(processDefinitionKey, processInstanceId, businessKey, target, deadline));
		this.audit.record(escalation.reurged() ? ACTION_REURGED : ACTION_ESCALATED, "process-instance",
				processInstanceId, null, "level " + target + " to " + entry
						+ ((passedFrom != null) ? " (levels " + passedFrom + "-" + (target - 1) + " passed)" : ""));
		logger.info("Escalated {} {} ({}) to level {}: {}{}", processDefinitionKey, processInstanceId, businessKey,
				target, entry, escalation.reurged() ? " (urged again)" : "");
		return escalation;
	}

	private boolean holdsOpenSupervision(String ladderInstanceId, String group) {
		return ladderInstanceId != null && this.systemAuthority.call(() -> this.taskService.createTaskQuery()
			.processInstanceId(ladderInstanceId)
			.taskDefinitionKey(EscalationProcess.TASK_SUPERVISE)
			.taskCandidateGroup(group)
			.count()) > 0;
	}

	/**
	 * When the level after one due at {@code levelDueAt} is due: the configured interval
	 * in working days later, at close of business.
	 * @param processDefinitionKey the key of the overdue process
	 * @param levelDueAt when the current level was due
	 * @return when the next level is due
	 */
	Instant nextLevelAt(String processDefinitionKey, Instant levelDueAt) {
		ZonedDateTime due = levelDueAt.atZone(this.calendar.zone());
		return this.calendar
			.closeOfBusiness(
					this.calendar.plusWorkingDays(due.toLocalDate(), this.properties.intervalFor(processDefinitionKey)))
			.toInstant();
	}

	private String latestName(String processDefinitionKey) {
		ProcessDefinition definition = this.systemAuthority
			.call(() -> this.repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(processDefinitionKey)
				.latestVersion()
				.singleResult());
		return (definition != null && definition.getName() != null) ? definition.getName() : processDefinitionKey;
	}

	/**
	 * One raised level.
	 *
	 * @param level the level raised
	 * @param group the escalation group given a 督办 task, or {@code null}
	 * @param externalRecipient the external recipient mailed, or {@code null}
	 * @param nextLevelAt when the next level is due
	 * @param subject short Chinese text for the 督办 task's name
	 * @param reurged whether the group, still holding an open 督办 task, was urged again
	 * instead of being given a new one
	 */
	public record Escalation(int level, String group, String externalRecipient, Instant nextLevelAt, String subject,
			boolean reurged) {

		public boolean external() {
			return this.externalRecipient != null;
		}

	}

}
