package org.rectifyflow.clue.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueStatus;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ClueRepository extends JpaRepository<Clue, Long>, JpaSpecificationExecutor<Clue> {

	// JPQL, not a derived query: Hibernate keeps the translation of a query string only
	// (docs/performance.md, "What a clue life cost").

	@Query("select c from Clue c where c.number = :number")
	Optional<Clue> findByNumber(String number);

	@Query("select new org.rectifyflow.clue.internal.DuplicateCandidate(c.number, c.report.receivedAt, c.report.description)"
			+ " from Clue c where c.number <> :number order by c.id desc")
	List<DuplicateCandidate> newestExcept(String number, Pageable page);

	Optional<Clue> findByReceiptHash(String receiptHash);

	Optional<Clue> findByProcessInstanceId(String processInstanceId);

	List<Clue> findByStatusIn(List<ClueStatus> statuses);

	@Query("select c.number from Clue c where c.status in :statuses")
	List<String> numbersWithStatusIn(List<ClueStatus> statuses);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Clue c where c.id = :id")
	Optional<Clue> lockById(Long id);

}
