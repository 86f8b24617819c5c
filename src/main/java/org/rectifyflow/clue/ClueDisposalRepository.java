package org.rectifyflow.clue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClueDisposalRepository extends JpaRepository<ClueDisposal, Long> {

	List<ClueDisposal> findByClueIdOrderByIdAsc(Long clueId);

	Optional<ClueDisposal> findFirstByClueIdOrderByIdDesc(Long clueId);

}
