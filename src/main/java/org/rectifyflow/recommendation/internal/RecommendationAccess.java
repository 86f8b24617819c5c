package org.rectifyflow.recommendation.internal;

import java.util.Set;

import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Membership.Member;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.recommendation.RecommendationProcess;
import org.rectifyflow.taskrules.CopyReaders;

import org.springframework.stereotype.Component;

/**
 * Who may see which letter: the {@link Roles#DISCIPLINE_INSIDERS} every letter; the
 * {@link Roles#DISCLOSURE_READERS} issued letters; a unit's staff and its recorded leader
 * the issued letters to their unit. Drafts are not shown outside the discipline group
 * (404). Someone sent a copy (抄送) of a task of a letter's process may read that letter,
 * read-only; each such read is recorded in the letter's audit trail.
 */
@Component
public class RecommendationAccess {

	private final Membership membership;

	private final CopyReaders copyReaders;

	RecommendationAccess(Membership membership, CopyReaders copyReaders) {
		this.membership = membership;
		this.copyReaders = copyReaders;
	}

	/**
	 * Whether the user may read one letter: as a viewer, or because a task of its process
	 * was copied to them (recorded in the letter's audit trail).
	 * @param userId the user
	 * @param letter the letter
	 * @return whether the user may read it
	 */
	public boolean mayRead(String userId, RecommendationLetter letter) {
		if (viewer(userId).canView(letter)) {
			return true;
		}
		return this.copyReaders.admits(userId, letter.getProcessInstanceId(), RecommendationProcess.ITEM_TYPE,
				String.valueOf(letter.getId()));
	}

	public Viewer viewer(String userId) {
		Member member = this.membership.of(userId);
		return new Viewer(userId, member.isAnyOf(Roles.DISCIPLINE_INSIDERS), member.isAnyOf(Roles.DISCLOSURE_READERS),
				member.units());
	}

	public record Viewer(String userId, boolean insider, boolean overseer, Set<String> units) {

		public boolean canView(RecommendationLetter letter) {
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
