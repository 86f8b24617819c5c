package org.rectifyflow.recommendation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RecommendationReplyRepository extends JpaRepository<RecommendationReply, Long> {

	List<RecommendationReply> findByLetterIdOrderBySeqAsc(Long letterId);

}
