package org.rectifyflow.campaign.internal;

import java.util.List;

import org.rectifyflow.campaign.AnalysisFlag;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AnalysisFlagRepository extends JpaRepository<AnalysisFlag, Long> {

	List<AnalysisFlag> findByCampaignIdOrderByIdAsc(Long campaignId);

	boolean existsByCampaignIdAndKindAndSubject(Long campaignId, AnalysisFlag.Kind kind, String subject);

}
