package org.rectifyflow.deadline;

import java.util.List;

import org.springframework.data.repository.Repository;

interface SupervisionNoticeRepository extends Repository<SupervisionNotice, Long> {

	SupervisionNotice save(SupervisionNotice notice);

	List<SupervisionNotice> findByProcessInstanceIdOrderByIdAsc(String processInstanceId);

	List<SupervisionNotice> findByProcessInstanceIdAndStatusOrderByIdAsc(String processInstanceId,
			SupervisionNotice.Status status);

	long countByProcessDefinitionKeyAndStatus(String processDefinitionKey, SupervisionNotice.Status status);

}
