package org.rectifyflow.campaign;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegulationRepository extends JpaRepository<Regulation, Long> {

	List<Regulation> findByCampaignIdOrderByIdAsc(Long campaignId);

}
