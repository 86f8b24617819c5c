package org.rectifyflow.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rectifyflow.calendar.OpenDeadlines;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.engine.SystemAuthority;

import org.springframework.stereotype.Component;

/**
 * The open deadlines of the deadline pattern as the calendar sees them: every pending
 * {@code Timer_DeadlinePassed}. A deadline counted in working days keeps the working days
 * it still has from today: under the changed calendar it falls on the day that leaves the
 * same number of working days, at the same time of day. Deadlines on a day that is not a
 * working day (given as a date, not counted) are left alone.
 */
@Component
class CalendarDeadlineMoves implements OpenDeadlines {

	private final ManagementService managementService;

	private final RuntimeService runtimeService;

	private final DeadlineService deadlines;

	private final SystemAuthority systemAuthority;

	CalendarDeadlineMoves(ManagementService managementService, RuntimeService runtimeService, DeadlineService deadlines,
			SystemAuthority systemAuthority) {
		this.managementService = managementService;
		this.runtimeService = runtimeService;
		this.deadlines = deadlines;
		this.systemAuthority = systemAuthority;
	}

	@Override
	public List<Move> moves(WorkingDayCalendar before, WorkingDayCalendar after) {
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(before.zone()).toLocalDate();
		List<Job> timers = this.systemAuthority.call(() -> this.managementService.createJobQuery()
			.activityId(DeadlinePattern.TIMER_DEADLINE_PASSED)
			.timers()
			.list());
		List<Move> moves = new ArrayList<>();
		for (Job timer : timers) {
			ZonedDateTime due = timer.getDuedate().toInstant().atZone(before.zone());
			LocalDate day = due.toLocalDate();
			if (!day.isAfter(today) || !before.isWorkingDay(day)) {
				continue;
			}
			int remaining = before.workingDaysBetween(today, day);
			LocalDate moved = after.plusWorkingDays(today, remaining);
			if (moved.equals(day)) {
				continue;
			}
			Instant to = moved.atTime(due.toLocalTime()).atZone(before.zone()).toInstant();
			ProcessInstance instance = this.systemAuthority.call(() -> this.runtimeService.createProcessInstanceQuery()
				.processInstanceId(timer.getProcessInstanceId())
				.singleResult());
			if (instance == null) {
				continue;
			}
			moves.add(new Move(timer.getProcessDefinitionKey(), timer.getProcessInstanceId(), instance.getBusinessKey(),
					due.toInstant(), to, ChronoUnit.DAYS.between(day, moved)));
		}
		moves.sort(Comparator.comparing(Move::from).thenComparing(Move::processInstanceId));
		return moves;
	}

	@Override
	public void apply(List<Move> moves) {
		moves.forEach((move) -> this.deadlines.reschedule(move.processInstanceId(), move.to()));
	}

}
