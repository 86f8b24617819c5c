package org.rectifyflow.audit;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * Append-only access to the audit trail: there is deliberately no update or delete
 * method.
 */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

	AuditEvent save(AuditEvent event);

	List<AuditEvent> findByItemTypeAndItemIdOrderByIdAsc(String itemType, String itemId);

	List<AuditEvent> findByActionOrderByIdAsc(String action);

	long count();

}
