package org.rectifyflow.rectification.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.rectifyflow.rectification.LedgerEntry;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LedgerEntryRepository extends JpaRepository<LedgerEntry, Long> {

	List<LedgerEntry> findByCampaignIdOrderBySeqAsc(Long campaignId);

	/**
	 * The entries of a campaign, locked for update in id order: serialises opening and
	 * settling entries of one campaign, so that the sequence number and the "all settled"
	 * check see every committed change.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from LedgerEntry e where e.campaignId = :campaignId order by e.id")
	List<LedgerEntry> lockByCampaignId(@Param("campaignId") Long campaignId);

	Optional<LedgerEntry> findByCode(String code);

	long countByCampaignIdAndStatusNotIn(Long campaignId, Collection<LedgerEntry.Status> statuses);

	Optional<LedgerEntry> findByProcessInstanceId(String processInstanceId);

	@Query("""
			select e from LedgerEntry e
			where e.campaignId = :campaignId
			  and (:allUnits = true or e.unitCode in :units)
			  and (:status is null or e.status = :status)
			  and (:overdue is null or e.overdue = :overdue)
			  and (:openOnly = false or e.status not in :settled)
			""")
	Page<LedgerEntry> search(@Param("campaignId") Long campaignId, @Param("allUnits") boolean allUnits,
			@Param("units") Collection<String> units, @Param("status") LedgerEntry.Status status,
			@Param("overdue") Boolean overdue, @Param("openOnly") boolean openOnly,
			@Param("settled") Collection<LedgerEntry.Status> settled, Pageable pageable);

}
