package org.rectifyflow.audit;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * Append-only access to the audit trail: there is deliberately no update or delete
 * method.
 */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

	AuditEvent save(AuditEvent event);

	// In the order of occurrence: ids come in blocks per node, so two nodes' ids are not
	// in
	// time order.

	List<AuditEvent> findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(String itemType, String itemId);

	List<AuditEvent> findByActionOrderByOccurredAtAscIdAsc(String action);

	long count();

}
