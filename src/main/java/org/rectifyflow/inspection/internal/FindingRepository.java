package org.rectifyflow.inspection.internal;

import java.util.List;

import org.rectifyflow.inspection.Finding;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FindingRepository extends JpaRepository<Finding, Long> {

	List<Finding> findByInspectionIdOrderBySeqAsc(Long inspectionId);

	long countByInspectionId(Long inspectionId);

}
