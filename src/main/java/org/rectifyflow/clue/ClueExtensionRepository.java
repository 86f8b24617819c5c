package org.rectifyflow.clue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClueExtensionRepository extends JpaRepository<ClueExtension, Long> {

	List<ClueExtension> findByClueIdOrderByIdAsc(Long clueId);

	Optional<ClueExtension> findFirstByClueIdOrderByIdDesc(Long clueId);

}
