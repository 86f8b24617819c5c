package org.rectifyflow.audit;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Append-only access to the audit trail: there is deliberately no update or delete
 * method.
 */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

	AuditEvent save(AuditEvent event);

	// Ordered by occurrence: ids come in blocks per node, not in time order.

	// JPQL, not a derived query: Hibernate keeps the translation of a query string only
	// (docs/performance.md, "What a clue life cost").
	@Query("select e from AuditEvent e where e.itemType = :itemType and e.itemId = :itemId"
			+ " order by e.occurredAt, e.id")
	List<AuditEvent> findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(String itemType, String itemId);

	List<AuditEvent> findByActionOrderByOccurredAtAscIdAsc(String action);

	long count();

}
