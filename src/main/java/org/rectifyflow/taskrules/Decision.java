package org.rectifyflow.taskrules;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.rectifyflow.kernel.Refusal;

/**
 * The outcome of an approval, embedded in the proposal it decides (a clue disposal, a
 * handling opinion, an extension, a letter's reply): approved or not, by whom, when. The
 * approver's words are not repeated here: the {@link ApprovalOpinion} recorded for the
 * approval task is the one record of them. Columns {@code approved}, {@code decided_by},
 * {@code decided_at}.
 */
@Embeddable
public class Decision {

	@Column(name = "approved")
	private Boolean approved;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private OffsetDateTime decidedAt;

	protected Decision() {
	}

	/**
	 * @return a decision not taken yet
	 */
	public static Decision pending() {
		return new Decision();
	}

	/**
	 * Takes the decision, once.
	 * @param approved whether the proposal is approved
	 * @param by the approver
	 * @param at when
	 * @throws Refusal (conflict) if the decision was taken already
	 */
	public void decide(boolean approved, String by, OffsetDateTime at) {
		if (isDecided()) {
			throw Refusal.conflict("该事项已审批，不能重复审批", "already decided by " + this.decidedBy);
		}
		this.approved = approved;
		this.decidedBy = by;
		this.decidedAt = at;
	}

	/**
	 * @return whether the decision was taken
	 */
	public boolean isDecided() {
		return this.approved != null;
	}

	/**
	 * @return {@code true} approved, {@code false} refused, {@code null} not decided yet
	 */
	public Boolean getApproved() {
		return this.approved;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public OffsetDateTime getDecidedAt() {
		return this.decidedAt;
	}

}
