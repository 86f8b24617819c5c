package org.rectifyflow.export.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignReportVersionRepository extends JpaRepository<CampaignReportVersion, Long> {

	List<CampaignReportVersion> findByCampaignIdOrderByVersionAsc(Long campaignId);

	Optional<CampaignReportVersion> findFirstByCampaignIdOrderByVersionDesc(Long campaignId);

	Optional<CampaignReportVersion> findByCampaignIdAndVersion(Long campaignId, int version);

}
