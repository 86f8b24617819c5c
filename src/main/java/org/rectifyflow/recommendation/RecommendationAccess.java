package org.rectifyflow.recommendation;

import java.util.Set;

import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Membership.Member;
import org.rectifyflow.identity.Roles;

import org.springframework.stereotype.Component;

/**
 * Who may see which letter: the {@link Roles#DISCIPLINE_INSIDERS} every letter; the
 * {@link Roles#DISCLOSURE_READERS} issued letters; a unit's staff and its recorded leader
 * the issued letters to their unit. Drafts are not shown outside the discipline group
 * (404).
 */
@Component
class RecommendationAccess {

	private final Membership membership;

	RecommendationAccess(Membership membership) {
		this.membership = membership;
	}

	Viewer viewer(String userId) {
		Member member = this.membership.of(userId);
		return new Viewer(userId, member.isAnyOf(Roles.DISCIPLINE_INSIDERS), member.isAnyOf(Roles.DISCLOSURE_READERS),
				member.units());
	}

	record Viewer(String userId, boolean insider, boolean overseer, Set<String> units) {

		boolean canView(RecommendationLetter letter) {
			if (this.insider) {
				return true;
			}
			if (!letter.isIssued()) {
				return false;
			}
			return this.overseer || this.units.contains(letter.getUnitCode())
					|| this.userId.equals(letter.getRecipient());
		}

		/** The unit adds evidence while its reply is due. */
		boolean canAttach(RecommendationLetter letter) {
			return letter.getStatus() == RecommendationLetter.Status.ISSUED
					&& (this.units.contains(letter.getUnitCode()) || this.userId.equals(letter.getRecipient()));
		}

	}

}
