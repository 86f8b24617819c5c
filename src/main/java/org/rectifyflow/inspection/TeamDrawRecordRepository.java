package org.rectifyflow.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeamDrawRecordRepository extends JpaRepository<TeamDrawRecord, Long> {

	List<TeamDrawRecord> findByInspectionIdOrderByAttemptAsc(Long inspectionId);

}
