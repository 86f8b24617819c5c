package org.rectifyflow.calendar;

import java.time.Instant;
import java.util.List;

/**
 * The open deadlines counted in working days, as the calendar needs them when a year
 * changes: which would move, and moving them. Provided by the feature that owns
 * deadlines; the calendar owns this port.
 */
public interface OpenDeadlines {

	/**
	 * The open deadlines that fall on another day under {@code after} than under
	 * {@code before}: the working days still to run from today are kept.
	 * @param before the calendar in use
	 * @param after the calendar with the changed year
	 * @return the moves, earliest deadline first
	 */
	List<Move> moves(WorkingDayCalendar before, WorkingDayCalendar after);

	/**
	 * Moves the deadlines: timers, reminders and task due dates, with a notice to the
	 * holders of the work.
	 * @param moves the moves returned by {@link #moves}
	 */
	void apply(List<Move> moves);

	/**
	 * One deadline that moves.
	 *
	 * @param processDefinitionKey the process of the work
	 * @param processInstanceId the process instance
	 * @param businessKey its business key (the item's code)
	 * @param from the deadline now
	 * @param to the deadline under the changed calendar
	 * @param days by how many calendar days it moves (negative: earlier)
	 */
	record Move(String processDefinitionKey, String processInstanceId, String businessKey, Instant from, Instant to,
			long days) {

	}

}
