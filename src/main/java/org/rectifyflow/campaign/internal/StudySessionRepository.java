package org.rectifyflow.campaign.internal;

import java.util.List;

import org.rectifyflow.campaign.StudySession;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StudySessionRepository extends JpaRepository<StudySession, Long> {

	List<StudySession> findByCampaignIdOrderByIdAsc(Long campaignId);

}
