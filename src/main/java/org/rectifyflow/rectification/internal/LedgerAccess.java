package org.rectifyflow.rectification.internal;

import java.util.Set;

import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Membership.Member;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.taskrules.CopyReaders;

import org.springframework.stereotype.Component;

/**
 * Who may see which ledger entries: the {@link Roles#LEDGER_READERS} see every entry;
 * anyone else sees the entries of the units whose staff they are, and those they are
 * responsible for. Someone sent a copy (抄送) of a task of an entry's process may read that
 * entry, read-only; each such read is recorded in the entry's audit trail.
 */
@Component
public class LedgerAccess {

	private final Membership membership;

	private final CopyReaders copyReaders;

	LedgerAccess(Membership membership, CopyReaders copyReaders) {
		this.membership = membership;
		this.copyReaders = copyReaders;
	}

	/**
	 * Whether the user may read one entry: as a viewer, or because a task of its process
	 * was copied to them (recorded in the entry's audit trail).
	 * @param userId the user
	 * @param entry the entry
	 * @return whether the user may read it
	 */
	public boolean mayRead(String userId, LedgerEntry entry) {
		if (viewer(userId).canView(entry)) {
			return true;
		}
		return this.copyReaders.admits(userId, entry.getProcessInstanceId(), RectificationProcess.ITEM_TYPE,
				entry.getCode());
	}

	/**
	 * @param userId the user
	 * @return what the user may see
	 */
	public Viewer viewer(String userId) {
		Member member = this.membership.of(userId);
		return new Viewer(userId, member.isAnyOf(Roles.LEDGER_READERS), member.units());
	}

	/**
	 * @param userId the user
	 * @param groupId a group
	 * @return whether the user is a member of the group
	 */
	public boolean isMember(String userId, String groupId) {
		return this.membership.of(userId).isIn(groupId);
	}

	/**
	 * What one user may see.
	 *
	 * @param userId the user
	 * @param seesAll whether the user sees every entry
	 * @param units the units whose staff the user is
	 */
	public record Viewer(String userId, boolean seesAll, Set<String> units) {

		public boolean canView(LedgerEntry entry) {
			return this.seesAll || this.units.contains(entry.getUnitCode())
					|| this.userId.equals(entry.getResponsiblePerson())
					|| this.userId.equals(entry.getResponsibleLeader());
		}

		/**
		 * Unit staff and the responsible people may report progress and attach evidence.
		 */
		public boolean canWorkOn(LedgerEntry entry) {
			return this.units.contains(entry.getUnitCode()) || this.userId.equals(entry.getResponsiblePerson())
					|| this.userId.equals(entry.getResponsibleLeader());
		}

	}

}
