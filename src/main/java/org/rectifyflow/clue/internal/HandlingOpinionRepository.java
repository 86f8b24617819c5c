package org.rectifyflow.clue.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface HandlingOpinionRepository extends JpaRepository<HandlingOpinion, Long> {

	List<HandlingOpinion> findByClueIdOrderByIdAsc(Long clueId);

	// JPQL, not a derived query: Hibernate keeps the translation of a query string only
	// (docs/performance.md, "What a clue life cost").
	@Query("select x from HandlingOpinion x where x.clueId = :clueId order by x.id desc limit 1")
	Optional<HandlingOpinion> findFirstByClueIdOrderByIdDesc(Long clueId);

}
