package org.rectifyflow.inspection.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamDrawRecordRepository extends JpaRepository<TeamDrawRecord, Long> {

	List<TeamDrawRecord> findByInspectionIdOrderByAttemptAsc(Long inspectionId);

}
