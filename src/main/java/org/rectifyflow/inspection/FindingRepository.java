package org.rectifyflow.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface FindingRepository extends JpaRepository<Finding, Long> {

	List<Finding> findByInspectionIdOrderBySeqAsc(Long inspectionId);

	long countByInspectionId(Long inspectionId);

}
