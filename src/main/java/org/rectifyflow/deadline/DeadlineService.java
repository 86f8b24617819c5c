package org.rectifyflow.deadline;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.kernel.Dates;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.notification.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines of work subprocesses: computing them when the work starts, reminding the
 * people working on it, and extending them.
 */
@Service("deadlineService")
public class DeadlineService {

	static final String ACTION_REMINDED = "DEADLINE_REMINDER_SENT";

	static final String ACTION_EXTENDED = "DEADLINE_EXTENDED";

	static final String ACTION_RESCHEDULED = "DEADLINE_RESCHEDULED";

	static final String ITEM_TYPE = "process-instance";

	private static final Logger logger = LoggerFactory.getLogger(DeadlineService.class);

	private final DeadlineProperties properties;

	private final WorkingDayCalendar calendar;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final Notifier notifier;

	private final AuditService audit;

	private final SystemAuthority systemAuthority;

	DeadlineService(DeadlineProperties properties, WorkingDayCalendar calendar, RuntimeService runtimeService,
			TaskService taskService, ManagementService managementService, Notifier notifier, AuditService audit,
			SystemAuthority systemAuthority) {
		this.properties = properties;
		this.calendar = calendar;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.notifier = notifier;
		this.audit = audit;
		this.systemAuthority = systemAuthority;
	}

	/**
	 * Computes the deadline and reminder of work that starts now: the given deadline if
	 * there is one, else the given number of working days, else the configured default
	 * for the process.
	 * @param processDefinitionKey the process definition key
	 * @param deadlineAt a deadline already set, or {@code null}
	 * @param workingDays working days allowed, or {@code null}
	 * @param now when the work starts
	 * @return the deadline and reminder
	 */
	Deadline compute(String processDefinitionKey, Instant deadlineAt, Integer workingDays, Instant now) {
		Instant deadline = deadlineAt;
		if (deadline == null) {
			int days = (workingDays != null) ? workingDays : this.properties.workingDaysFor(processDefinitionKey);
			if (days < 1) {
				throw new IllegalArgumentException("A deadline needs at least one working day, got " + days);
			}
			deadline = this.calendar.deadline(now, days).toInstant();
		}
		return new Deadline(deadline, reminderAt(deadline));
	}

	/**
	 * When the reminder for a deadline fires: the configured number of working days
	 * earlier, at the deadline's time of day.
	 * @param deadline the deadline
	 * @return the reminder time
	 */
	Instant reminderAt(Instant deadline) {
		ZonedDateTime at = deadline.atZone(this.calendar.zone());
		return this.calendar.minusWorkingDays(at.toLocalDate(), this.properties.getReminderWorkingDays())
			.atTime(at.toLocalTime())
			.atZone(this.calendar.zone())
			.toInstant();
	}

	/**
	 * Reminds everyone working on an open task of the process instance that the deadline
	 * is near: the assignee, else the candidate users and groups. Called by
	 * {@code Task_Remind}.
	 * @param processInstanceId the process instance
	 * @return the number of notifications sent
	 */
	@Transactional
	public int remind(String processInstanceId) {
		int sent = this.systemAuthority.call(() -> {
			Date deadline = (Date) this.runtimeService.getVariable(processInstanceId, DeadlinePattern.VAR_DEADLINE_AT);
			String due = (deadline != null) ? Dates.chinese(deadline) : "";
			int count = 0;
			for (Task task : this.taskService.createTaskQuery().processInstanceId(processInstanceId).active().list()) {
				String text = "待办「" + task.getName() + "」将于 " + due + " 到期，请抓紧办理。";
				String link = EscalationService.TASKLIST_LINK + "#/?task=" + task.getId();
				for (String recipient : recipients(task)) {
					if (recipient.startsWith("group:")) {
						this.notifier.notifyGroup(recipient.substring(6), text, link);
					}
					else {
						this.notifier.notifyUser(recipient.substring(5), text, link);
					}
					count++;
				}
			}
			return count;
		});
		this.audit.record(ACTION_REMINDED, ITEM_TYPE, processInstanceId, null, sent + " notification(s)");
		logger.info("Reminded {} recipient(s) of process instance {}", sent, processInstanceId);
		return sent;
	}

	private Set<String> recipients(Task task) {
		Set<String> recipients = new LinkedHashSet<>();
		if (task.getAssignee() != null) {
			recipients.add("user:" + task.getAssignee());
			return recipients;
		}
		for (IdentityLink link : this.taskService.getIdentityLinksForTask(task.getId())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				recipients.add((link.getGroupId() != null) ? "group:" + link.getGroupId() : "user:" + link.getUserId());
			}
		}
		return recipients;
	}

	/**
	 * Extends the deadline of a process instance's work: updates {@code deadlineAt} and
	 * {@code reminderAt} and moves the pending reminder and level-1 timers. If the
	 * deadline has already passed and the escalation ladder runs, its pending next level
	 * is postponed to the new deadline (never brought forward); levels already raised
	 * stay open. A reminder that has already fired is not sent again. The caller decides
	 * whether the current user may extend; the change is audited as that user.
	 * @param processInstanceId the process instance whose work has the deadline
	 * @param newDeadline the new deadline, later than the current one
	 * @throws IllegalStateException if the process instance has no deadline
	 * @throws IllegalArgumentException if the new deadline is not later than the current
	 */
	@Transactional
	public void extend(String processInstanceId, Instant newDeadline) {
		Date current = this.systemAuthority
			.call(() -> (Date) this.runtimeService.getVariable(processInstanceId, DeadlinePattern.VAR_DEADLINE_AT));
		if (current == null) {
			throw Refusal.conflict("该事项没有办理期限，无法延期", "process instance " + processInstanceId + " has no deadline");
		}
		if (!newDeadline.isAfter(current.toInstant())) {
			throw Refusal.invalid("延期后的期限须晚于原期限",
					"new deadline " + newDeadline + " is not later than the current " + current.toInstant());
		}
		if (!newDeadline.isAfter(ClockUtil.getCurrentTime().toInstant())) {
			throw Refusal.invalid("延期后的期限已经过去，请重新选择", "new deadline " + newDeadline + " is not in the future");
		}
		move(processInstanceId, current.toInstant(), newDeadline);
		this.audit.record(ACTION_EXTENDED, ITEM_TYPE, processInstanceId, current.toInstant().toString(),
				newDeadline.toString());
		logger.info("Extended the deadline of process instance {} from {} to {}", processInstanceId,
				current.toInstant(), newDeadline);
	}

	/**
	 * Moves a pending deadline to another day because the working-day calendar changed:
	 * earlier or later, with the reminder and the due dates of the work's tasks, and a
	 * notice to whoever holds those tasks. A deadline that has passed already is left
	 * alone.
	 * @param processInstanceId the process instance of the work
	 * @param newDeadline the deadline under the changed calendar
	 * @return whether the deadline was moved
	 */
	@Transactional
	public boolean reschedule(String processInstanceId, Instant newDeadline) {
		Date current = this.systemAuthority
			.call(() -> (Date) this.runtimeService.getVariable(processInstanceId, DeadlinePattern.VAR_DEADLINE_AT));
		boolean pending = this.systemAuthority.call(() -> this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(DeadlinePattern.TIMER_DEADLINE_PASSED)
			.timers()
			.count()) > 0;
		if (current == null || !pending || current.toInstant().equals(newDeadline)) {
			return false;
		}
		List<Task> moved = move(processInstanceId, current.toInstant(), newDeadline);
		String text = "节假日安排调整，办理期限由" + Dates.chinese(current) + "调整为" + Dates.chinese(newDeadline) + "。";
		for (Task task : moved) {
			if (task.getAssignee() != null) {
				this.notifier.notifyUser(task.getAssignee(), task.getName() + "：" + text,
						EscalationService.TASKLIST_LINK);
			}
			else {
				this.systemAuthority.call(() -> this.taskService.getIdentityLinksForTask(task.getId()))
					.stream()
					.filter((link) -> link.getGroupId() != null)
					.forEach((link) -> this.notifier.notifyGroup(link.getGroupId(), task.getName() + "：" + text,
							EscalationService.TASKLIST_LINK));
			}
		}
		this.audit.record(ACTION_RESCHEDULED, ITEM_TYPE, processInstanceId, current.toInstant().toString(),
				newDeadline.toString());
		return true;
	}

	/**
	 * Moves the deadline of a process instance: its variables, the reminder and deadline
	 * timers (or the pending level of a running ladder) and the due dates of its tasks
	 * that carry the old deadline.
	 * @return the tasks whose due date moved
	 */
	private List<Task> move(String processInstanceId, Instant current, Instant newDeadline) {
		Instant reminder = reminderAt(newDeadline);
		return this.systemAuthority.call(() -> {
			this.runtimeService.setVariable(processInstanceId, DeadlinePattern.VAR_DEADLINE_AT, Date.from(newDeadline));
			this.runtimeService.setVariable(processInstanceId, DeadlinePattern.VAR_REMINDER_AT, Date.from(reminder));
			moveTimers(processInstanceId, DeadlinePattern.TIMER_REMINDER, reminder);
			if (!moveTimers(processInstanceId, DeadlinePattern.TIMER_DEADLINE_PASSED, newDeadline)) {
				postponeLadder(processInstanceId, newDeadline);
			}
			List<Task> tasks = this.taskService.createTaskQuery()
				.processInstanceId(processInstanceId)
				.dueDate(Date.from(current))
				.list();
			for (Task task : tasks) {
				task.setDueDate(Date.from(newDeadline));
				this.taskService.saveTask(task);
			}
			return tasks;
		});
	}

	private boolean moveTimers(String processInstanceId, String activityId, Instant dueDate) {
		List<Job> jobs = this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.timers()
			.list();
		jobs.forEach((job) -> this.managementService.setJobDuedate(job.getId(), Date.from(dueDate)));
		return !jobs.isEmpty();
	}

	private void postponeLadder(String processInstanceId, Instant newDeadline) {
		List<ProcessInstance> ladders = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId)
			.processDefinitionKey(EscalationProcess.KEY)
			.list();
		for (ProcessInstance ladder : ladders) {
			this.runtimeService.setVariable(ladder.getId(), EscalationProcess.VAR_DEADLINE_AT, Date.from(newDeadline));
			for (Job job : this.managementService.createJobQuery()
				.processInstanceId(ladder.getId())
				.activityId(EscalationProcess.TIMER_NEXT_LEVEL)
				.timers()
				.list()) {
				if (job.getDuedate().toInstant().isBefore(newDeadline)) {
					this.managementService.setJobDuedate(job.getId(), Date.from(newDeadline));
					this.runtimeService.setVariable(ladder.getId(), EscalationProcess.VAR_NEXT_LEVEL_AT,
							Date.from(newDeadline));
				}
			}
		}
	}

	/**
	 * A computed deadline and its reminder.
	 *
	 * @param deadlineAt the deadline
	 * @param reminderAt when the reminder fires
	 */
	record Deadline(Instant deadlineAt, Instant reminderAt) {

	}

}
