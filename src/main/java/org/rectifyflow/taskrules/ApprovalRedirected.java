package org.rectifyflow.taskrules;

import java.util.List;
import java.util.Set;

/**
 * An approval that nobody but its proposers could work on went to the next level of its
 * process's approval chain ({@value TaskRules#APPROVAL_CHAIN}). Published inside the
 * engine's transaction when the task is created, so that the people concerned can be
 * told.
 *
 * @param taskId the approval task
 * @param taskName its name
 * @param processKey the key of its process
 * @param processInstanceId its process instance
 * @param businessKey the business key of its process instance
 * @param fromGroups the candidate groups it had
 * @param fromAssignee the assignee it had, or {@code null}
 * @param toGroup the group it is now offered to
 * @param proposers the users who proposed the matter and may not approve it
 */
public record ApprovalRedirected(String taskId, String taskName, String processKey, String processInstanceId,
		String businessKey, List<String> fromGroups, String fromAssignee, String toGroup, Set<String> proposers) {

	public ApprovalRedirected {
		fromGroups = List.copyOf(fromGroups);
		proposers = Set.copyOf(proposers);
	}

}
