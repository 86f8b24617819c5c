package org.rectifyflow.recommendation.internal;

import java.util.List;
import java.util.Optional;

import org.rectifyflow.recommendation.RecommendationLetter;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RecommendationLetterRepository extends JpaRepository<RecommendationLetter, Long> {

	Optional<RecommendationLetter> findByCode(String code);

	Optional<RecommendationLetter> findByProcessInstanceId(String processInstanceId);

	List<RecommendationLetter> findAllByOrderByIdDesc();

	List<RecommendationLetter> findByStatusNotOrderByIdAsc(RecommendationLetter.Status status);

	@Query("select max(l.code) from RecommendationLetter l where l.code like :prefix%")
	String maxCodeWithPrefix(String prefix);

	@Query("select max(l.issue.docSeq) from RecommendationLetter l where l.kind = :kind and l.issue.docYear = :year")
	Integer maxDocSeq(RecommendationLetter.Kind kind, Integer year);

}
