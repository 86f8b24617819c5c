package org.rectifyflow.inspection;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.organisation.Unit;

import org.springframework.stereotype.Component;

/**
 * Who may see which inspection through the API. The discipline group sees everything; the
 * planner and the drawn team see their own inspection; anybody else sees an inspection
 * only once it is disclosed (a 明察, or a 暗访 after its field work): the supervising Cockpit
 * groups all of them, unit staff those that target their unit. An inspection a user may
 * not see does not exist for that user (404).
 */
@Component
class InspectionAccess {

	static final Set<String> INSIDERS = Set.of(Roles.DISCIPLINE_GROUP, Roles.DISCIPLINE_LEAD, Roles.ADMIN);

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	private final InspectionService inspections;

	InspectionAccess(IdentityService identityService, SystemAuthority systemAuthority, InspectionService inspections) {
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
		this.inspections = inspections;
	}

	Viewer viewer(String userId) {
		List<String> groups = this.systemAuthority.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList());
		Set<String> units = groups.stream()
			.filter((g) -> g.startsWith(Unit.GROUP_PREFIX))
			.map((g) -> g.substring(Unit.GROUP_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		return new Viewer(userId, groups.stream().anyMatch(INSIDERS::contains),
				groups.stream().anyMatch(InspectionSecrecy.DISCLOSED_TO::contains), units,
				Set.copyOf(this.inspections.inspectionsOfMember(userId)));
	}

	/**
	 * What one user may see.
	 *
	 * @param userId the user
	 * @param insider a member of the discipline group (sees everything)
	 * @param overseer a member of a supervising Cockpit group
	 * @param units the units whose staff the user is
	 * @param teamOf the inspections whose team the user belongs to
	 */
	record Viewer(String userId, boolean insider, boolean overseer, Set<String> units, Set<Long> teamOf) {

		boolean canView(Inspection inspection) {
			if (this.insider || this.userId.equals(inspection.getPlanner())
					|| this.teamOf.contains(inspection.getId())) {
				return true;
			}
			if (!inspection.isDisclosed()) {
				return false;
			}
			return this.overseer || inspection.targetUnitList().stream().anyMatch(this.units::contains);
		}

		/** Team members may add evidence while the field work runs. */
		boolean canAttach(Inspection inspection) {
			return inspection.getStatus() == Inspection.Status.FIELD_WORK
					&& (this.insider || this.teamOf.contains(inspection.getId()));
		}

	}

}
