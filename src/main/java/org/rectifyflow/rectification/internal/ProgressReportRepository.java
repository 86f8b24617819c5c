package org.rectifyflow.rectification.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

	List<ProgressReport> findByLedgerEntryIdOrderByIdAsc(Long ledgerEntryId);

	long countByLedgerEntryId(Long ledgerEntryId);

}
