package org.rectifyflow.campaign.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.rectifyflow.campaign.Problem;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProblemRepository extends JpaRepository<Problem, Long> {

	List<Problem> findByCampaignIdOrderByNumberAsc(Long campaignId);

	List<Problem> findByCampaignIdAndUnitCodeInOrderByNumberAsc(Long campaignId, Collection<String> unitCodes);

	List<Problem> findByCampaignIdAndStatusOrderByNumberAsc(Long campaignId, Problem.Status status);

	Optional<Problem> findByCampaignIdAndNumber(Long campaignId, int number);

	long countByCampaignIdAndStatus(Long campaignId, Problem.Status status);

}
