package org.rectifyflow.inspection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignPlan;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.NewProblem;
import org.rectifyflow.campaign.Phase;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.ProblemCategory;

import org.springframework.stereotype.Component;

/**
 * A problem of a unit found by an inspection becomes a problem of the newest running
 * campaign whose scope holds the unit (source INSPECTION, source reference = the
 * inspection's code). In 问题整改 the campaign opens its ledger entry (and its
 * {@code rectification} instance) at once; in 查找问题 it waits for 全面剖析. Without such a
 * campaign, or with an unknown category, the finding stays pending with the reason.
 */
@Component
class CampaignFindingSink implements FindingSink {

	private final CampaignService campaigns;

	CampaignFindingSink(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public Finding.Type type() {
		return Finding.Type.PROBLEM;
	}

	@Override
	public Result handOver(HandOver finding) {
		// Checked here rather than by letting addProblem refuse: a refusal thrown out of
		// the campaign's transactional service would mark the whole hand-over for
		// rollback.
		Optional<ProblemCategory> category = category(finding.categoryCode());
		if (category.isEmpty()) {
			return Result.pending("问题类别「" + finding.categoryCode() + "」不存在，待移交");
		}
		// The newest campaign in 问题整改 (a ledger entry at once), else in 查找问题, whose scope
		// holds the unit and whose taxonomy holds the category.
		List<Campaign> running = this.campaigns.running();
		Optional<Campaign> campaign = running.stream()
			.filter((c) -> c.getPhase() == Phase.RECTIFY)
			.filter((c) -> accepts(c, finding.unitCode(), category.get()))
			.findFirst()
			.or(() -> running.stream()
				.filter((c) -> c.getPhase() == Phase.INSPECT)
				.filter((c) -> accepts(c, finding.unitCode(), category.get()))
				.findFirst());
		if (campaign.isEmpty()) {
			return Result.pending("没有范围包含单位" + finding.unitCode() + "、问题分类包含「" + category.get().getName()
					+ "」且处于查找问题或问题整改阶段的专项整治，待移交");
		}
		Problem problem = this.campaigns
			.addProblem(campaign.get().getId(), new NewProblem(finding.unitCode(), category.get().getCode(),
					InspectionService.cut("【明察暗访" + finding.inspectionCode() + "，" + MethodNames.of(finding.method())
							+ "，" + finding.place() + "】" + finding.description(), 2000),
					finding.evidenceLink(), Problem.Severity.SERIOUS, Problem.Source.INSPECTION,
					finding.inspectionCode(), null));
		String ref = (problem.getLedgerEntryCode() != null) ? problem.getLedgerEntryCode()
				: campaign.get().getCode() + "/" + problem.getLabel();
		return Result.created(ref, problem.getId());
	}

	private boolean accepts(Campaign campaign, String unitCode, ProblemCategory category) {
		CampaignPlan plan = this.campaigns.plan(campaign.getId());
		return plan.getScopeUnits().contains(unitCode) && (plan.getCategories().contains(category.getCode())
				|| plan.getCategories().contains(this.campaigns.topLevel(category).getCode()));
	}

	private Optional<ProblemCategory> category(String codeOrName) {
		if (codeOrName == null || codeOrName.isBlank()) {
			return Optional.empty();
		}
		String key = codeOrName.strip();
		List<ProblemCategory> all = this.campaigns.categories();
		return all.stream()
			.filter((c) -> c.getCode().equals(key) || c.getCode().equals(key.toUpperCase(Locale.ROOT))
					|| c.getName().equals(key))
			.findFirst();
	}

}
