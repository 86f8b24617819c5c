package org.rectifyflow.clue.internal;

import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;

import org.springframework.stereotype.Component;

/**
 * Who may see what of the clues: a small policy over {@link Membership}.
 */
@Component
public class ClueAccess {

	/**
	 * What a user may see of the register.
	 */
	public enum Level {

		/** discipline group and lead: everything but the reporter. */
		FULL,
		/** supervisors, campaign office: no reporter, no persons, no content. */
		UNITS,
		/** nothing. */
		NONE

	}

	private final Membership membership;

	ClueAccess(Membership membership) {
		this.membership = membership;
	}

	/**
	 * @param userId the user, may be {@code null}
	 * @return what the user may see of the register
	 */
	public Level of(String userId) {
		Membership.Member member = this.membership.of(userId);
		if (member.isAnyOf(Roles.CLUE_HANDLERS)) {
			return Level.FULL;
		}
		if (member.isAnyOf(Roles.CLUE_REGISTER_READERS)) {
			return Level.UNITS;
		}
		return Level.NONE;
	}

	/**
	 * @param userId the user, may be {@code null}
	 * @return whether the user is a member of the discipline group (who alone registers
	 * clues, requests extensions, reveals a reporter and hands a clue over to the ledger)
	 */
	public boolean isDisciplineGroup(String userId) {
		return this.membership.of(userId).isIn(Roles.DISCIPLINE_GROUP);
	}

	/**
	 * @param userId the user, may be {@code null}
	 * @return whether the user is the discipline group's lead (组长), who alone reads the
	 * log of reporter reveals
	 */
	public boolean isDisciplineLead(String userId) {
		return this.membership.of(userId).isIn(Roles.DISCIPLINE_LEAD);
	}

}
