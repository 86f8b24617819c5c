package org.rectifyflow.campaign.internal;

import java.util.List;

import org.rectifyflow.campaign.Regulation;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RegulationRepository extends JpaRepository<Regulation, Long> {

	List<Regulation> findByCampaignIdOrderByIdAsc(Long campaignId);

}
