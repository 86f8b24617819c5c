package org.rectifyflow.campaign;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StudySessionRepository extends JpaRepository<StudySession, Long> {

	List<StudySession> findByCampaignIdOrderByIdAsc(Long campaignId);

}
