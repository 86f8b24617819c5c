package org.rectifyflow.deadline;

import java.time.Instant;

/**
 * Published synchronously, in the engine's transaction, each time a deadline escalates to
 * a level (1 when the deadline passes, then 2, 3, ...). Feature modules listen to it to
 * mark their own entity overdue; a listener that throws rolls the escalation back.
 *
 * @param processDefinitionKey the key of the process whose work is overdue
 * @param processInstanceId that process instance
 * @param businessKey its business key (may be {@code null})
 * @param level the escalation level reached
 * @param deadline the deadline that passed
 */
public record DeadlinePassed(String processDefinitionKey, String processInstanceId, String businessKey, int level,
		Instant deadline) {

}
