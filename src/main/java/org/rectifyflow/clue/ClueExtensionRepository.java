package org.rectifyflow.clue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClueExtensionRepository extends JpaRepository<ClueExtension, Long> {

	List<ClueExtension> findByClueIdOrderByIdAsc(Long clueId);

	// Written out: read on the clue's tasks, and Hibernate keeps the translation of a
	// query
	// string, not of a derived query.
	@Query("select x from ClueExtension x where x.clueId = :clueId order by x.id desc limit 1")
	Optional<ClueExtension> findFirstByClueIdOrderByIdDesc(Long clueId);

}
