package org.rectifyflow.campaign.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CrossAssignmentRepository extends JpaRepository<CrossAssignment, Long> {

	List<CrossAssignment> findByCampaignIdOrderByInspectorUnitAsc(Long campaignId);

	Optional<CrossAssignment> findByCampaignIdAndInspectorUnit(Long campaignId, String inspectorUnit);

}
