package org.rectifyflow.campaign.internal;

import java.util.List;
import java.util.Set;

import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a campaign's problem list:
 * {@link Roles#CAMPAIGN_OVERSEERS} see every unit's problems and register problems for
 * any unit, a unit's handlers only their own units'; 全面剖析 is the party group's.
 */
@Component
public class CampaignAccess {

	private static final Set<String> TRAIL_READERS = Set.of(Roles.CAMPAIGN_OFFICE, Roles.PARTY_GROUP,
			Roles.DISCIPLINE_GROUP);

	private final Membership membership;

	CampaignAccess(Membership membership) {
		this.membership = membership;
	}

	/**
	 * @param userId the user
	 * @return the units whose problems the user sees, {@code null} for all
	 */
	public List<String> visibleUnits(String userId) {
		Membership.Member member = this.membership.of(userId);
		return member.isAnyOf(Roles.CAMPAIGN_OVERSEERS) ? null : List.copyOf(member.units());
	}

	/**
	 * @param userId the user
	 * @param unitCode the unit of a problem to register
	 * @throws Refusal (forbidden) unless the user oversees the campaign or works for the
	 * unit
	 */
	public void checkMayRegister(String userId, String unitCode) {
		Membership.Member member = this.membership.of(userId);
		if (!member.isAnyOf(Roles.CAMPAIGN_OVERSEERS) && !member.worksFor(unitCode)) {
			throw Refusal.forbidden("只能为本单位登记问题", "you may register problems of your own unit only");
		}
	}

	/**
	 * @param userId the user
	 * @return whether the user runs the campaign (campaign office, party group) or is in
	 * the discipline group: those read a campaign's and a regulation's audit trail
	 */
	public boolean readsTrail(String userId) {
		return this.membership.of(userId).isAnyOf(TRAIL_READERS);
	}

	/**
	 * @param userId the user
	 * @throws Refusal (forbidden) unless the user is in the party group
	 */
	public void checkMayReview(String userId) {
		if (!this.membership.of(userId).isIn(Roles.PARTY_GROUP)) {
			throw Refusal.forbidden("全面剖析由局党组进行", "only the party group reviews problems");
		}
	}

}
