package org.rectifyflow.inspection.internal;

import java.util.Set;

import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Membership.Member;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionRegister;

import org.springframework.stereotype.Component;

/**
 * Who may see which inspection through the API. The {@link Roles#DISCIPLINE_INSIDERS} see
 * everything; the planner and the drawn team see their own inspection; anybody else sees
 * an inspection only once it is disclosed (a 明察, or a 暗访 after its field work): the
 * {@link Roles#DISCLOSURE_READERS} all of them, unit staff those that target their unit.
 * An inspection a user may not see does not exist for that user (404).
 */
@Component
public class InspectionAccess {

	private final Membership membership;

	private final InspectionRegister inspections;

	InspectionAccess(Membership membership, InspectionRegister inspections) {
		this.membership = membership;
		this.inspections = inspections;
	}

	public Viewer viewer(String userId) {
		Member member = this.membership.of(userId);
		return new Viewer(userId, member.isAnyOf(Roles.DISCIPLINE_INSIDERS), member.isAnyOf(Roles.DISCLOSURE_READERS),
				member.units(), Set.copyOf(this.inspections.inspectionsOfMember(userId)));
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
	public record Viewer(String userId, boolean insider, boolean overseer, Set<String> units, Set<Long> teamOf) {

		public boolean canView(Inspection inspection) {
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
