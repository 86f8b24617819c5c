package org.rectifyflow.campaign.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.rectifyflow.campaign.Campaign;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {

	Optional<Campaign> findByCode(String code);

	List<Campaign> findAllByOrderByIdDesc();

	List<Campaign> findByStatusOrderByIdDesc(Campaign.Status status);

	@Query("select coalesce(max(c.seq), 0) from Campaign c where c.year = ?1")
	int maxSeq(int year);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Campaign c where c.id = ?1")
	Optional<Campaign> lockById(Long id);

}
