package org.rectifyflow.clue.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClueExtensionRepository extends JpaRepository<ClueExtension, Long> {

	List<ClueExtension> findByClueIdOrderByIdAsc(Long clueId);

	// JPQL, not a derived query: Hibernate keeps the translation of a query string only
	// (docs/performance.md, "What a clue life cost").
	@Query("select x from ClueExtension x where x.clueId = :clueId order by x.id desc limit 1")
	Optional<ClueExtension> findFirstByClueIdOrderByIdDesc(Long clueId);

}
