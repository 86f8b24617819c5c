package org.rectifyflow.task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催办: a supervisor reminds whoever holds (or may claim) a task, at most once per task and
 * working day.
 */
@Service
@Transactional
public class TaskUrges {

	private final TaskUrgeRepository urges;

	private final WorkingDayCalendar calendar;

	private final TaskChecks checks;

	private final Clock clock = Clock.systemDefaultZone();

	TaskUrges(TaskUrgeRepository urges, WorkingDayCalendar calendar, TaskChecks checks) {
		this.urges = urges;
		this.calendar = calendar;
		this.checks = checks;
	}

	/**
	 * 催办: reminds whoever holds (or may claim) the task.
	 * @param taskId the task
	 * @param userId the supervisor
	 * @param message the reminder text (optional)
	 * @return the working day the reminder counts for
	 */
	public LocalDate urge(String taskId, String userId, String message) {
		TaskChecks.requireAtMost(message, 1000, "催办内容", "message");
		Task task = this.checks
			.permit(taskId, userId, Operation.URGE, "只有督办人员可以催办本流程的任务。",
					"Only supervisors may urge tasks of this process")
			.task();
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toLocalDate();
		LocalDate workingDay = this.calendar.isWorkingDay(today) ? today : this.calendar.plusWorkingDays(today, 0);
		if (this.urges.existsByTaskIdAndUrgedOn(taskId, workingDay)) {
			throw alreadyUrged();
		}
		try {
			this.urges.saveAndFlush(new TaskUrge(taskId, userId, workingDay, message, OffsetDateTime.now(this.clock)));
		}
		catch (DataIntegrityViolationException ex) {
			throw alreadyUrged();
		}
		this.checks.record("TASK_URGED", taskId, null, workingDay.toString(), message);
		this.checks.tellResponsible(task, "督办催办：请尽快办理「" + task.getName() + "」" + TaskChecks.suffix(message, "。"));
		return workingDay;
	}

	private static Refusal alreadyUrged() {
		return Refusal.conflict("该任务本工作日已催办过，请勿重复催办。", "The task was already urged on this working day");
	}

}
