package org.rectifyflow.clue.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ClueNumberSequenceRepository extends JpaRepository<ClueNumberSequence, Integer> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from ClueNumberSequence s where s.year = :year")
	Optional<ClueNumberSequence> lockYear(Integer year);

}
