package org.rectifyflow.inspection;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.inspection.internal.FindingRepository;
import org.rectifyflow.inspection.internal.InspectionRepository;
import org.rectifyflow.inspection.internal.InspectionService;
import org.rectifyflow.inspection.internal.TeamDrawRecord;
import org.rectifyflow.inspection.internal.TeamDrawRecordRepository;
import org.rectifyflow.inspection.internal.TeamMember;
import org.rectifyflow.inspection.internal.TeamMemberRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of inspections: one inspection, the list, the open ones, and what belongs
 * to an inspection (its team, its draw records, its findings). It reads; the steps of the
 * process ({@link InspectionService}) write.
 */
@Service
public class InspectionRegister {

	private final InspectionRepository inspections;

	private final TeamDrawRecordRepository draws;

	private final TeamMemberRepository members;

	private final FindingRepository findings;

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	InspectionRegister(InspectionRepository inspections, TeamDrawRecordRepository draws, TeamMemberRepository members,
			FindingRepository findings, IdentityService identityService, SystemAuthority systemAuthority) {
		this.inspections = inspections;
		this.draws = draws;
		this.members = members;
		this.findings = findings;
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
	}

	@Transactional(readOnly = true)
	public Optional<Inspection> find(Long id) {
		return (id != null) ? this.inspections.findById(id) : Optional.empty();
	}

	@Transactional(readOnly = true)
	public Optional<Inspection> findByCode(String code) {
		return this.inspections.findByCode(code);
	}

	@Transactional(readOnly = true)
	public List<Inspection> all() {
		return this.inspections.findAllByOrderByIdDesc();
	}

	/**
	 * The inspections not yet closed, oldest first, with their content: a caller that
	 * shows them to others keeps an unannounced inspection (暗访) secret until its field
	 * work has ended.
	 * @return the open inspections
	 */
	@Transactional(readOnly = true)
	public List<Inspection> open() {
		return this.inspections.findByStatusNotOrderByIdAsc(Inspection.Status.CLOSED);
	}

	@Transactional(readOnly = true)
	public List<TeamMember> team(Long inspectionId) {
		return this.members.findByInspectionIdOrderByIdAsc(inspectionId);
	}

	@Transactional(readOnly = true)
	public List<Finding> findings(Long inspectionId) {
		return this.findings.findByInspectionIdOrderBySeqAsc(inspectionId);
	}

	@Transactional(readOnly = true)
	public List<TeamDrawRecord> draws(Long inspectionId) {
		return this.draws.findByInspectionIdOrderByAttemptAsc(inspectionId);
	}

	@Transactional(readOnly = true)
	public List<Long> inspectionsOfMember(String userId) {
		return this.members.inspectionIdsOf(userId);
	}

	/**
	 * A user as shown beside a team: the id and, where known, the name.
	 * @param userId the user
	 * @return {@code u1 张三}, or the id alone
	 */
	public String displayName(String userId) {
		User user = this.systemAuthority
			.call(() -> this.identityService.createUserQuery().userId(userId).singleResult());
		if (user == null) {
			return userId;
		}
		String name = ((user.getFirstName() != null) ? user.getFirstName() : "")
				+ ((user.getLastName() != null) ? user.getLastName() : "");
		return userId + (name.isBlank() ? "" : " " + name);
	}

}
