package org.rectifyflow.clue;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClueFeedbackRepository extends JpaRepository<ClueFeedback, Long> {

	@Query("select f from ClueFeedback f where f.clueId = :clueId")
	Optional<ClueFeedback> findByClueId(Long clueId);

}
