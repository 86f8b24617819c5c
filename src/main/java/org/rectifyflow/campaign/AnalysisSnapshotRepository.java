package org.rectifyflow.campaign;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnalysisSnapshotRepository extends JpaRepository<AnalysisSnapshot, Long> {

	List<AnalysisSnapshot> findByCampaignIdOrderByIdAsc(Long campaignId);

}
