package org.rectifyflow.clue;

import java.util.List;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.ProblemCategory;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.NewLedgerEntry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-over of a confirmed clue to the rectification ledger of a running campaign.
 */
@Service
class ClueLedgerHandover {

	private final ClueRepository clues;

	private final HandlingOpinionRepository opinions;

	private final ClueAccess access;

	private final CampaignService campaigns;

	private final LedgerService ledger;

	private final AuditService audit;

	ClueLedgerHandover(ClueRepository clues, HandlingOpinionRepository opinions, ClueAccess access,
			CampaignService campaigns, LedgerService ledger, AuditService audit) {
		this.clues = clues;
		this.opinions = opinions;
		this.access = access;
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.audit = audit;
	}

	/**
	 * Turns a confirmed clue into a problem of a running campaign: a ledger entry (source
	 * {@code CLUE}, reference the clue number) that starts its own rectification. A clue
	 * is confirmed when it is closed with an approved handling opinion other than 澄清正名
	 * and 不予处理.
	 * @param clueId the clue
	 * @param campaignId the running campaign, or {@code null} when exactly one runs
	 * @param categoryCode a problem category of the campaign taxonomy
	 * @param description the problem as it goes into the ledger, or {@code null} for the
	 * clue's description
	 * @param userId the member of the discipline group
	 * @return the ledger entry's code
	 */
	@Transactional
	String toLedger(Long clueId, Long campaignId, String categoryCode, String description, String userId) {
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
		List<Campaign> running = this.campaigns.running();
		Campaign campaign;
		if (campaignId == null) {
			if (running.size() != 1) {
				throw Refusal.invalid(running.isEmpty() ? "当前没有正在进行的专项整治" : "请选择专项整治",
						running.isEmpty() ? "no campaign is running" : "campaignId is required");
			}
			campaign = running.get(0);
		}
		else {
			campaign = running.stream()
				.filter((c) -> c.getId().equals(campaignId))
				.findFirst()
				.orElseThrow(() -> Refusal.invalid("该专项整治不存在或未在进行中", "campaign not running"));
		}
		ProblemCategory category = this.campaigns.categories()
			.stream()
			.filter((c) -> c.isActive() && c.getCode().equals((categoryCode != null) ? categoryCode.strip() : null))
			.findFirst()
			.orElseThrow(() -> Refusal.invalid("请选择有效的问题类别", "unknown categoryCode"));
		String text = NewClue.isBlank(description) ? clue.getDescription() : description.strip();
		LedgerEntry entry = this.ledger.open(new NewLedgerEntry(campaign.getId(), campaign.getCode(), null,
				clue.getSubjectUnitCode(), category.getCode(), category.getName(), text, "CLUE", clue.getNumber()));
		clue.linkLedger(entry.getCode());
		this.audit.recordAs(userId, "CLUE_TO_LEDGER", ClueProcess.ITEM_TYPE, clue.getNumber(), null, entry.getCode(),
				"campaign " + campaign.getCode());
		return entry.getCode();
	}

}
