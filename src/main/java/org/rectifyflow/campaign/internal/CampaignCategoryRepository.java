package org.rectifyflow.campaign.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignCategoryRepository extends JpaRepository<CampaignCategory, CampaignCategory.Key> {

	List<CampaignCategory> findByCampaignIdOrderBySortOrderAsc(Long campaignId);

}
