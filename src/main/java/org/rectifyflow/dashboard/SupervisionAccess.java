package org.rectifyflow.dashboard;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Component;

/**
 * Who may look at the supervision figures: supervisors, the discipline group, the party
 * group and the campaign office; only the discipline group sees clue content.
 */
@Component
class SupervisionAccess {

	/** Groups that may see the dashboard. */
	static final Set<String> VIEWERS = Set.of(Roles.SUPERVISORS, Roles.DISCIPLINE_GROUP, Roles.PARTY_GROUP,
			Roles.CAMPAIGN_OFFICE);

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	SupervisionAccess(IdentityService identityService, SystemAuthority systemAuthority) {
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
	}

	/**
	 * @param userId the user
	 * @return the user's group ids
	 */
	List<String> groups(String userId) {
		return this.systemAuthority.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList());
	}

	/**
	 * @param userId the user
	 * @return whether the user may see the dashboard
	 */
	boolean mayView(String userId) {
		return userId != null && groups(userId).stream().anyMatch(VIEWERS::contains);
	}

	/**
	 * Checks that the user may see the dashboard.
	 * @param userId the user
	 * @return whether the user also sees clue content
	 * @throws Refusal 403 if the user may not
	 */
	boolean check(String userId) {
		List<String> groups = (userId != null) ? groups(userId) : List.of();
		if (groups.stream().noneMatch(VIEWERS::contains)) {
			throw Refusal.forbidden("只有督办人员、派驻纪检组、局党组和整治办可以查看督办统计",
					"only supervisors, the discipline group, the party group and the campaign office may see the supervision figures");
		}
		return groups.contains(Roles.DISCIPLINE_GROUP);
	}

}
