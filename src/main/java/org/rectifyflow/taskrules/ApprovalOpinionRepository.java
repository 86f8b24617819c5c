package org.rectifyflow.taskrules;

import java.util.List;

import org.springframework.data.repository.Repository;

interface ApprovalOpinionRepository extends Repository<ApprovalOpinion, Long> {

	ApprovalOpinion save(ApprovalOpinion opinion);

	List<ApprovalOpinion> findByProcessInstanceIdOrderByCreatedAtAscIdAsc(String processInstanceId);

	List<ApprovalOpinion> findByProcessDefinitionKeyAndBusinessKeyOrderByCreatedAtAscIdAsc(String processDefinitionKey,
			String businessKey);

	long count();

}
