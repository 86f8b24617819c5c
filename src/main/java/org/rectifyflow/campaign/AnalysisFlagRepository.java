package org.rectifyflow.campaign;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnalysisFlagRepository extends JpaRepository<AnalysisFlag, Long> {

	List<AnalysisFlag> findByCampaignIdOrderByIdAsc(Long campaignId);

	boolean existsByCampaignIdAndKindAndSubject(Long campaignId, AnalysisFlag.Kind kind, String subject);

}
