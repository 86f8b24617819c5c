package org.rectifyflow.clue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface HandlingOpinionRepository extends JpaRepository<HandlingOpinion, Long> {

	List<HandlingOpinion> findByClueIdOrderByIdAsc(Long clueId);

	Optional<HandlingOpinion> findFirstByClueIdOrderByIdDesc(Long clueId);

}
