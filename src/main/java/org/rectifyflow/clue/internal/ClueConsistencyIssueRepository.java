package org.rectifyflow.clue.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClueConsistencyIssueRepository extends JpaRepository<ClueConsistencyIssue, Long> {

	List<ClueConsistencyIssue> findByClueNumber(String clueNumber);

	List<ClueConsistencyIssue> findByProcessInstanceId(String processInstanceId);

}
