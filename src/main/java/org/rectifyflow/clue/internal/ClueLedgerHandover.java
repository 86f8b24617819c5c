package org.rectifyflow.clue.internal;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.ProblemIntake;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueStatus;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-over of a confirmed clue to the rectification ledger of a running campaign,
 * through the campaign feature's {@link ProblemIntake}: the campaign decides which of its
 * campaigns takes the problem and opens the ledger entry.
 */
@Service
public class ClueLedgerHandover {

	private final ClueRepository clues;

	private final HandlingOpinionRepository opinions;

	private final ClueAccess access;

	private final ProblemIntake problems;

	private final AuditService audit;

	ClueLedgerHandover(ClueRepository clues, HandlingOpinionRepository opinions, ClueAccess access,
			ProblemIntake problems, AuditService audit) {
		this.clues = clues;
		this.opinions = opinions;
		this.access = access;
		this.problems = problems;
		this.audit = audit;
	}

	/**
	 * Turns a confirmed clue into a problem of a running campaign: a ledger entry (source
	 * {@code CLUE}, reference the clue number) that starts its own rectification. A clue
	 * is confirmed when it is closed with an approved handling opinion other than 澄清正名
	 * and 不予处理.
	 * @param clueId the clue
	 * @param campaignId the running campaign, or {@code null} for the campaign that
	 * accepts the unit and category (the campaign feature's rule)
	 * @param categoryCode a problem category of the campaign taxonomy, or {@code null}
	 * for the one the taxonomy maps the clue's category to
	 * @param description the problem as it goes into the ledger, or {@code null} for the
	 * clue's description
	 * @param userId the member of the discipline group
	 * @return the ledger entry's code
	 */
	@Transactional
	public String toLedger(Long clueId, Long campaignId, String categoryCode, String description, String userId) {
		if (!this.access.isDisciplineGroup(userId)) {
			throw Refusal.forbidden("只有派驻纪检组可以将线索转为整改问题", "only the discipline group may turn a clue into a problem");
		}
		Clue clue = this.clues.lockById(clueId).orElseThrow(() -> Refusal.notFound("线索不存在", "no such clue"));
		if (clue.getLedgerEntryCode() != null) {
			throw Refusal.conflict("该线索已转为整改问题：" + clue.getLedgerEntryCode(), "already in the ledger");
		}
		HandlingOpinion opinion = this.opinions.findFirstByClueIdOrderByIdDesc(clue.getId())
			.filter((o) -> Boolean.TRUE.equals(o.getApproved()))
			.orElse(null);
		if (clue.getStatus() != ClueStatus.CLOSED || opinion == null
				|| opinion.getOutcome() == HandlingOutcome.CLEAR_NAME
				|| opinion.getOutcome() == HandlingOutcome.NO_ACTION) {
			throw Refusal.conflict("只有经核实确认并已办结的线索可以转为整改问题", "the clue is not confirmed");
		}
		String text = NewClue.isBlank(description) ? clue.getDescription() : description.strip();
		ProblemIntake.Receipt receipt = this.problems
			.take(new ProblemIntake.FoundProblem(campaignId, clue.getSubjectUnitCode(),
					// without a category, the one the taxonomy maps the clue's category
					// to
					!NewClue.isBlank(categoryCode) ? categoryCode.strip() : clue.getCategory().name(), text, null, null,
					Problem.Source.CLUE, clue.getNumber(), true, userId))
			.orElseThrow();
		clue.linkLedger(receipt.ledgerEntryCode());
		this.audit.recordAs(userId, "CLUE_TO_LEDGER", ClueProcess.ITEM_TYPE, clue.getNumber(), null,
				receipt.ledgerEntryCode(), "campaign " + receipt.campaignCode());
		return receipt.ledgerEntryCode();
	}

}
