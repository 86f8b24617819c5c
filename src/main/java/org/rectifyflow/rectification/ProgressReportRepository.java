package org.rectifyflow.rectification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

	List<ProgressReport> findByLedgerEntryIdOrderByIdAsc(Long ledgerEntryId);

	long countByLedgerEntryId(Long ledgerEntryId);

}
