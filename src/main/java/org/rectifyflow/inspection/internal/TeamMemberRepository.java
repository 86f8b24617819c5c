package org.rectifyflow.inspection.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamMemberRepository extends JpaRepository<TeamMember, Long> {

	List<TeamMember> findByInspectionIdOrderByIdAsc(Long inspectionId);

	void deleteByInspectionId(Long inspectionId);

	@Query("select distinct m.inspectionId from TeamMember m where m.userId = :userId")
	List<Long> inspectionIdsOf(String userId);

	@Query("select max(m.inspectionId) from TeamMember m where m.inspectionId < :inspectionId")
	Long previousInspectionId(Long inspectionId);

}
