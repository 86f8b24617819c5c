package org.rectifyflow.deadline;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SupervisionNoticeRepository extends Repository<SupervisionNotice, Long> {

	SupervisionNotice save(SupervisionNotice notice);

	List<SupervisionNotice> findByProcessInstanceIdOrderByIdAsc(String processInstanceId);

	// JPQL, not a derived query: Hibernate keeps the translation of a query string only
	// (docs/performance.md, "What a clue life cost").
	@Query("select n from SupervisionNotice n where n.processInstanceId = :processInstanceId"
			+ " and n.status = :status order by n.id")
	List<SupervisionNotice> findByProcessInstanceIdAndStatusOrderByIdAsc(String processInstanceId,
			SupervisionNotice.Status status);

	long countByProcessDefinitionKeyAndStatus(String processDefinitionKey, SupervisionNotice.Status status);

}
