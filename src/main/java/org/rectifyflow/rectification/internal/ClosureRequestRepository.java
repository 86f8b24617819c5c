package org.rectifyflow.rectification.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClosureRequestRepository extends JpaRepository<ClosureRequest, Long> {

	List<ClosureRequest> findByLedgerEntryIdOrderByAttemptAsc(Long ledgerEntryId);

}
