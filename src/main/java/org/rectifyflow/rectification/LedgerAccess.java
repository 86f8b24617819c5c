package org.rectifyflow.rectification;

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
 * Who may see which ledger entries: the supervising roles see every entry; anyone else
 * sees the entries of the units whose staff they are, and those they are responsible for.
 */
@Component
class LedgerAccess {

	/** Groups that see the whole ledger. */
	static final Set<String> OVERSEERS = Set.of(Roles.SUPERVISORS, Roles.CAMPAIGN_OFFICE, Roles.PARTY_GROUP,
			Roles.DISCIPLINE_GROUP, Roles.DISCIPLINE_LEAD, Roles.ADMIN);

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	LedgerAccess(IdentityService identityService, SystemAuthority systemAuthority) {
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
	}

	/**
	 * @param userId the user
	 * @return what the user may see
	 */
	Viewer viewer(String userId) {
		List<String> groups = this.systemAuthority.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList());
		boolean all = groups.stream().anyMatch(OVERSEERS::contains);
		Set<String> units = groups.stream()
			.filter((g) -> g.startsWith(Unit.GROUP_PREFIX))
			.map((g) -> g.substring(Unit.GROUP_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		return new Viewer(userId, all, units);
	}

	/**
	 * @param userId the user
	 * @param groupId a group
	 * @return whether the user is a member of the group
	 */
	boolean isMember(String userId, String groupId) {
		return this.systemAuthority
			.call(() -> this.identityService.createGroupQuery().groupMember(userId).groupId(groupId).count()) > 0;
	}

	/**
	 * What one user may see.
	 *
	 * @param userId the user
	 * @param seesAll whether the user sees every entry
	 * @param units the units whose staff the user is
	 */
	record Viewer(String userId, boolean seesAll, Set<String> units) {

		boolean canView(LedgerEntry entry) {
			return this.seesAll || this.units.contains(entry.getUnitCode())
					|| this.userId.equals(entry.getResponsiblePerson())
					|| this.userId.equals(entry.getResponsibleLeader());
		}

		/**
		 * Unit staff and the responsible people may report progress and attach evidence.
		 */
		boolean canWorkOn(LedgerEntry entry) {
			return this.units.contains(entry.getUnitCode()) || this.userId.equals(entry.getResponsiblePerson())
					|| this.userId.equals(entry.getResponsibleLeader());
		}

	}

}
