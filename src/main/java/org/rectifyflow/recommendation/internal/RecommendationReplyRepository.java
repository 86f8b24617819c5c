package org.rectifyflow.recommendation.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecommendationReplyRepository extends JpaRepository<RecommendationReply, Long> {

	List<RecommendationReply> findByLetterIdOrderBySeqAsc(Long letterId);

}
