package org.rectifyflow.campaign.internal;

import java.util.List;
import java.util.Optional;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.Campaign;
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
 * The campaign's {@link ProblemIntake}. Every check runs before anything is written and
 * none throws across a transactional boundary, so a refused problem leaves the caller's
 * transaction intact.
 */
@Service
@Transactional
class CampaignProblemIntake implements ProblemIntake {

	private final CampaignRepository campaigns;

	private final CampaignService register;

	private final ProblemList problems;

	private final AuditService audit;

	CampaignProblemIntake(CampaignRepository campaigns, CampaignService register, ProblemList problems,
			AuditService audit) {
		this.campaigns = campaigns;
		this.register = register;
		this.problems = problems;
		this.audit = audit;
	}

	@Override
	public Receipt take(FoundProblem found) {
		Optional<ProblemCategory> category = this.register.findCategory(found.categoryCode());
		if (category.isEmpty()) {
			return Receipt.refused(new TaskRuleViolation("问题类别「" + found.categoryCode() + "」不存在",
					"unknown problem category " + found.categoryCode()));
		}
		Optional<Campaign> chosen = (found.campaignId() != null) ? this.register.find(found.campaignId())
				: acceptingCampaign(found.unitCode(), category.get(), found.confirmed());
		if (chosen.isEmpty()) {
			return Receipt.refused((found.campaignId() != null)
					? Refusal.notFound("专项整治不存在", "campaign " + found.campaignId() + " does not exist")
					: Refusal.conflict(
							"没有范围包含单位" + found.unitCode() + "、问题分类包含「" + category.get().getName()
									+ "」且处于查找问题或问题整改阶段的专项整治",
							"no running campaign takes unit " + found.unitCode() + " and category "
									+ category.get().getCode()));
		}
		Campaign campaign = this.campaigns.lockById(chosen.get().getId()).orElseThrow();
		if (!takes(campaign, found.confirmed())) {
			return Receipt.refused(new TaskRuleViolation(
					"专项整治「" + campaign.getCode() + "」当前阶段（" + campaign.getPhase().label() + "）不接受登记问题",
					"campaign " + campaign.getCode() + " takes no problems in phase " + campaign.getPhase()));
		}
		NewProblem problem = new NewProblem(found.unitCode(), category.get().getCode(), found.description(),
				found.evidence(), (found.severity() != null) ? found.severity() : Problem.Severity.SERIOUS,
				found.source(), found.sourceRef(), null);
		Optional<Refusal> refusal = this.problems.refusalOf(campaign.getId(), problem);
		if (refusal.isPresent()) {
			return Receipt.refused(refusal.get());
		}
		String by = (found.recordedBy() != null) ? found.recordedBy() : this.audit.currentActor();
		return Receipt.taken(campaign, this.problems.add(campaign, problem, found.confirmed(), by));
	}

	/**
	 * Which running campaign accepts a problem of this unit and category: the newest one
	 * in 问题整改 (the problem gets its ledger entry at once), else the newest in 查找问题 (it
	 * waits for 全面剖析), else, for a problem already confirmed, the newest running one,
	 * whose plan takes the unit and category.
	 * @param unitCode the unit
	 * @param category the category
	 * @param confirmed whether the problem is confirmed already
	 * @return the campaign, if one accepts the problem
	 */
	Optional<Campaign> acceptingCampaign(String unitCode, ProblemCategory category, boolean confirmed) {
		List<Campaign> candidates = this.register.running()
			.stream()
			.filter((c) -> takes(c, confirmed))
			.filter((c) -> this.register.findPlan(c.getId())
				.filter((plan) -> this.register.accepts(plan, unitCode, category))
				.isPresent())
			.toList();
		return candidates.stream()
			.filter((c) -> c.getPhase() == Phase.RECTIFY)
			.findFirst()
			.or(() -> candidates.stream().filter((c) -> c.getPhase() == Phase.INSPECT).findFirst())
			.or(() -> candidates.stream().findFirst());
	}

	private static boolean takes(Campaign campaign, boolean confirmed) {
		return confirmed ? campaign.isRunning() : campaign.takesProblems();
	}

}
