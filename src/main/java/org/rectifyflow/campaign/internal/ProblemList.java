package org.rectifyflow.campaign.internal;

import java.util.List;
import java.util.Optional;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignPlan;
import org.rectifyflow.campaign.CampaignPlanning;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Phase;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.ProblemCategory;
import org.rectifyflow.campaign.ProblemIntake;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's problem list (问题清单): the problems 自查 and 互查 register, the checks every
 * problem passes, and the ledger entries confirmed problems get when 问题整改 begins.
 * Problems found elsewhere come in through {@link ProblemIntake}; 全面剖析 decides them in
 * {@link ProblemReview}.
 */
@Service("problemList")
@Transactional
public class ProblemList {

	private final CampaignRepository campaigns;

	private final ProblemRepository problems;

	private final CampaignService register;

	private final CampaignPlanning planning;

	private final CampaignLedger ledger;

	private final AuditService audit;

	private final CampaignClock clock;

	ProblemList(CampaignRepository campaigns, ProblemRepository problems, CampaignService register,
			CampaignPlanning planning, CampaignLedger ledger, AuditService audit, CampaignClock clock) {
		this.campaigns = campaigns;
		this.problems = problems;
		this.register = register;
		this.planning = planning;
		this.ledger = ledger;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Checks a problem before it is registered: the unit is in the campaign's scope, the
	 * category in its taxonomy, the texts within their limits.
	 * @param campaignId the campaign
	 * @param problem the problem
	 * @throws TaskRuleViolation if the problem does not fit the campaign
	 */
	@Transactional(readOnly = true)
	public void checkProblem(Long campaignId, NewProblem problem) {
		CampaignPlan plan = this.register.plan(campaignId);
		if (!plan.inScope(problem.unitCode())) {
			throw new TaskRuleViolation("单位「" + problem.unitCode() + "」不在本次整治范围内",
					"unit " + problem.unitCode() + " is not in the campaign's scope");
		}
		if (problem.inspectedByUnit() != null && problem.inspectedByUnit().equals(problem.unitCode())) {
			throw new TaskRuleViolation("互查不能检查本单位", "a unit may not cross-inspect itself");
		}
		ProblemCategory category = this.register.category(campaignId, problem.categoryCode());
		if (!plan.inTaxonomy(category, this.register.topLevel(category))) {
			throw new TaskRuleViolation("问题类别「" + category.getName() + "」不在本次整治方案的问题分类中",
					"category " + category.getCode() + " is not part of the plan's taxonomy");
		}
		CampaignInputs.required(problem.description(), "问题描述", 2000);
		CampaignInputs.optional(problem.evidence(), "证据", 2000);
		CampaignInputs.optional(problem.sourceRef(), "来源编号", 100);
		if (problem.severity() == null) {
			throw new TaskRuleViolation("「严重程度」为必填项", "severity is required");
		}
		if (problem.source() == null) {
			throw new TaskRuleViolation("「问题来源」为必填项", "source is required");
		}
	}

	/**
	 * The same checks as {@link #checkProblem}, answered instead of thrown.
	 * @param campaignId the campaign
	 * @param problem the problem, with a known category
	 * @return why the problem does not fit the campaign, if it does not
	 */
	@Transactional(readOnly = true)
	Optional<Refusal> refusalOf(Long campaignId, NewProblem problem) {
		try {
			checkProblem(campaignId, problem);
			return Optional.empty();
		}
		catch (Refusal refusal) {
			return Optional.of(refusal);
		}
	}

	/**
	 * Registers the problems of one 自查 or 互查 task; they wait for 全面剖析.
	 */
	void registerProblems(Long campaignId, List<NewProblem> found, String by) {
		Campaign campaign = this.campaigns.lockById(campaignId).orElseThrow();
		for (NewProblem problem : found) {
			store(campaign, problem, by);
		}
	}

	/**
	 * Adds a problem to a campaign locked by the caller. A problem confirmed at its
	 * source, or one added in 问题整改, is confirmed at once and gets its ledger entry (which
	 * then holds 问题整改 open until it settles); otherwise it waits for 全面剖析.
	 * @param campaign the campaign, locked
	 * @param problem the checked problem
	 * @param confirmed whether its source has confirmed it already
	 * @param by who recorded it
	 * @return the stored problem
	 */
	Problem add(Campaign campaign, NewProblem problem, boolean confirmed, String by) {
		Problem stored = store(campaign, problem, by);
		if (confirmed || campaign.getPhase() == Phase.RECTIFY) {
			stored.confirm(by, this.clock.now());
			openLedgerEntry(campaign, stored);
		}
		return stored;
	}

	private Problem store(Campaign campaign, NewProblem problem, String by) {
		checkProblem(campaign.getId(), problem);
		ProblemCategory category = this.register.category(campaign.getId(), problem.categoryCode());
		Problem stored = this.problems.save(
				new Problem(campaign.getId(), campaign.nextProblemNumber(), problem.unitCode(), category.getCode(),
						problem.description().strip(),
						(problem.evidence() != null && !problem.evidence().isBlank()) ? problem.evidence().strip()
								: null,
						problem.severity(), problem.source(), problem.sourceRef(), problem.inspectedByUnit(), by,
						this.clock.now()));
		this.audit.record("PROBLEM_REGISTERED", CampaignService.ITEM_PROBLEM, String.valueOf(stored.getId()), null,
				campaign.getCode() + " " + stored.getLabel() + " " + stored.getUnitCode() + " "
						+ stored.getCategoryCode());
		return stored;
	}

	/**
	 * Enters 问题整改 and opens a ledger entry (with its rectification process) for every
	 * confirmed problem that has none yet. Called by {@code Task_OpenLedgerEntries}.
	 * @param campaignId the campaign
	 * @return the phase's Chinese name (process variable {@code phase})
	 */
	public String openLedgerEntries(Long campaignId) {
		Campaign campaign = this.register.campaign(campaignId);
		String phase = this.planning.enter(campaign, Phase.RECTIFY);
		for (Problem problem : this.problems.findByCampaignIdAndStatusOrderByNumberAsc(campaignId,
				Problem.Status.CONFIRMED)) {
			if (problem.getLedgerEntryCode() == null) {
				openLedgerEntry(campaign, problem);
			}
		}
		return phase;
	}

	private void openLedgerEntry(Campaign campaign, Problem problem) {
		String code = this.ledger.open(campaign, problem,
				this.register.categoryName(campaign.getId(), problem.getCategoryCode()));
		problem.ledgerOpened(code);
		this.audit.record("PROBLEM_LEDGER_OPENED", CampaignService.ITEM_PROBLEM, String.valueOf(problem.getId()), null,
				code);
	}

	/**
	 * @param campaignId the campaign
	 * @return whether every ledger entry is closed or carried over (variable
	 * {@code ledgerSettled})
	 */
	@Transactional(readOnly = true)
	public boolean ledgerSettled(Long campaignId) {
		return this.ledger.allSettled(campaignId);
	}

}
