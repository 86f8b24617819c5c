package org.rectifyflow.clue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HandlingOpinionRepository extends JpaRepository<HandlingOpinion, Long> {

	List<HandlingOpinion> findByClueIdOrderByIdAsc(Long clueId);

	// Written out: read on the clue's tasks, and Hibernate keeps the translation of a
	// query
	// string, not of a derived query.
	@Query("select x from HandlingOpinion x where x.clueId = :clueId order by x.id desc limit 1")
	Optional<HandlingOpinion> findFirstByClueIdOrderByIdDesc(Long clueId);

}
