package org.rectifyflow.taskrules;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval opinions given on approval tasks ({@value TaskRules#APPROVAL}).
 */
@Service
public class ApprovalOpinionService {

	private final ApprovalOpinionRepository opinions;

	ApprovalOpinionService(ApprovalOpinionRepository opinions) {
		this.opinions = opinions;
	}

	/**
	 * The opinions given in one process instance, oldest first.
	 * @param processInstanceId the process instance id
	 * @return the opinions, possibly empty
	 */
	@Transactional(readOnly = true)
	public List<ApprovalOpinion> history(String processInstanceId) {
		return this.opinions.findByProcessInstanceIdOrderByCreatedAtAscIdAsc(processInstanceId);
	}

	/**
	 * The opinions given in all instances of a process with one business key, oldest
	 * first.
	 * @param processDefinitionKey the process definition key
	 * @param businessKey the business key
	 * @return the opinions, possibly empty
	 */
	@Transactional(readOnly = true)
	public List<ApprovalOpinion> byBusinessKey(String processDefinitionKey, String businessKey) {
		return this.opinions.findByProcessDefinitionKeyAndBusinessKeyOrderByCreatedAtAscIdAsc(processDefinitionKey,
				businessKey);
	}

	/**
	 * The approver's reasons when the latest decision of an approval task sent the matter
	 * back, for the form of the task it went back to.
	 * @param processInstanceId the process instance id
	 * @param taskDefinitionKey the approval task
	 * @return the opinion of the latest decision on that task if it was a refusal
	 * ({@code "false"}), else {@code null}
	 */
	@Transactional(readOnly = true)
	public String returnOpinion(String processInstanceId, String taskDefinitionKey) {
		List<ApprovalOpinion> given = history(processInstanceId).stream()
			.filter((opinion) -> taskDefinitionKey.equals(opinion.getTaskDefinitionKey()))
			.toList();
		if (given.isEmpty()) {
			return null;
		}
		ApprovalOpinion last = given.get(given.size() - 1);
		return "false".equals(last.getDecision()) ? last.getOpinion() : null;
	}

	/**
	 * Stores the opinion given on completing an approval task, in the completion's
	 * transaction, dated by the engine clock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	ApprovalOpinion record(TaskCompletion completion, String decision, String opinion) {
		OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
		return this.opinions.save(new ApprovalOpinion(completion, decision, opinion, now));
	}

}
