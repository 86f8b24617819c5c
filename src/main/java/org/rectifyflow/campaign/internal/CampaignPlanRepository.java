package org.rectifyflow.campaign.internal;

import java.util.Optional;

import org.rectifyflow.campaign.CampaignPlan;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignPlanRepository extends JpaRepository<CampaignPlan, Long> {

	Optional<CampaignPlan> findByCampaignId(Long campaignId);

}
