package org.rectifyflow.campaign;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignPlanRepository extends JpaRepository<CampaignPlan, Long> {

	Optional<CampaignPlan> findByCampaignId(Long campaignId);

}
