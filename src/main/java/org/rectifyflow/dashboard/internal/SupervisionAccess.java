package org.rectifyflow.dashboard.internal;

import java.util.Set;

import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Component;

/**
 * Who may look at the supervision figures: {@link Roles#FIGURE_READERS} (supervisors, the
 * discipline group, the party group and the campaign office); only the discipline group
 * sees clue content.
 */
@Component
public class SupervisionAccess {

	private final Membership membership;

	SupervisionAccess(Membership membership) {
		this.membership = membership;
	}

	/**
	 * @param userId the user
	 * @return the user's group ids
	 */
	Set<String> groups(String userId) {
		return this.membership.of(userId).groups();
	}

	/**
	 * @param userId the user
	 * @return whether the user may see the dashboard
	 */
	public boolean mayView(String userId) {
		return userId != null && this.membership.of(userId).isAnyOf(Roles.FIGURE_READERS);
	}

	/**
	 * Checks that the user may see the dashboard.
	 * @param userId the user
	 * @return whether the user also sees clue content
	 * @throws Refusal 403 if the user may not
	 */
	public boolean check(String userId) {
		Membership.Member member = this.membership.of(userId);
		if (!member.isAnyOf(Roles.FIGURE_READERS)) {
			throw Refusal.forbidden("只有督办人员、派驻纪检组、局党组和整治办可以查看督办统计",
					"only supervisors, the discipline group, the party group and the campaign office may see the supervision figures");
		}
		return member.isIn(Roles.DISCIPLINE_GROUP);
	}

}
