package org.rectifyflow.clue;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClueFeedbackRepository extends JpaRepository<ClueFeedback, Long> {

	Optional<ClueFeedback> findByClueId(Long clueId);

}
