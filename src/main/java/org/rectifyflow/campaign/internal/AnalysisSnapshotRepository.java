package org.rectifyflow.campaign.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AnalysisSnapshotRepository extends JpaRepository<AnalysisSnapshot, Long> {

	List<AnalysisSnapshot> findByCampaignIdOrderByIdAsc(Long campaignId);

}
