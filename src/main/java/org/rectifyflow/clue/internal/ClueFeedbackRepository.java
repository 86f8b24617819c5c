package org.rectifyflow.clue.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClueFeedbackRepository extends JpaRepository<ClueFeedback, Long> {

	@Query("select f from ClueFeedback f where f.clueId = :clueId")
	Optional<ClueFeedback> findByClueId(Long clueId);

}
