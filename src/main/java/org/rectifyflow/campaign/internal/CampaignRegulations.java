package org.rectifyflow.campaign.internal;

import java.util.ArrayList;
import java.util.List;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.Regulation;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 建章立制: regulations drafted against confirmed problems, approved by the party group and
 * announced to the scope units.
 */
@Service("campaignRegulations")
@Transactional
public class CampaignRegulations {

	public static final String ITEM_REGULATION = "regulation";

	private final RegulationRepository regulations;

	private final ProblemRepository problems;

	private final CampaignService register;

	private final Notifier notifier;

	private final AuditService audit;

	private final CampaignClock clock;

	CampaignRegulations(RegulationRepository regulations, ProblemRepository problems, CampaignService register,
			Notifier notifier, AuditService audit, CampaignClock clock) {
		this.regulations = regulations;
		this.problems = problems;
		this.register = register;
		this.notifier = notifier;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Saves a regulation draft: the revision of the campaign's returned regulation if
	 * there is one, else a new one.
	 * @return the regulation id
	 */
	public Long draft(Long campaignId, String title, String body, List<Integer> problemNumbers, String by) {
		List<Long> problemIds = checkProblems(campaignId, problemNumbers);
		Regulation regulation = this.regulations.findByCampaignIdOrderByIdAsc(campaignId)
			.stream()
			.filter((r) -> r.getStatus() == Regulation.Status.RETURNED)
			.findFirst()
			.orElse(null);
		if (regulation != null) {
			regulation.revise(title, body, problemIds, by, this.clock.now());
		}
		else {
			regulation = this.regulations
				.save(new Regulation(campaignId, title, body, problemIds, by, this.clock.now()));
		}
		this.audit.record("REGULATION_SUBMITTED", ITEM_REGULATION, String.valueOf(regulation.getId()), null, title);
		return regulation.getId();
	}

	/**
	 * Checks the problems a regulation addresses: at least one, each confirmed.
	 * @return their ids
	 */
	@Transactional(readOnly = true)
	List<Long> checkProblems(Long campaignId, List<Integer> problemNumbers) {
		if (problemNumbers.isEmpty()) {
			throw new TaskRuleViolation("请填写该制度针对的问题编号", "name the problems the regulation addresses");
		}
		List<Long> ids = new ArrayList<>();
		for (Integer number : problemNumbers) {
			Problem problem = this.problems.findByCampaignIdAndNumber(campaignId, number)
				.filter((p) -> p.getStatus() == Problem.Status.CONFIRMED)
				.orElseThrow(() -> new TaskRuleViolation("问题 " + Problem.label(number) + " 不存在或未确认",
						"problem " + number + " does not exist or is not confirmed"));
			ids.add(problem.getId());
		}
		return ids;
	}

	/**
	 * Records the party group's decision on a regulation.
	 */
	public void decide(Long regulationId, boolean approved, String opinion) {
		Regulation regulation = this.register.regulation(regulationId);
		if (approved) {
			regulation.publish(opinion, this.clock.now());
		}
		else {
			regulation.returnWith(opinion);
		}
		this.audit.record(approved ? "REGULATION_PUBLISHED" : "REGULATION_RETURNED", ITEM_REGULATION,
				String.valueOf(regulationId), Regulation.Status.SUBMITTED.name(), regulation.getStatus().name());
	}

	/**
	 * Announces a regulation the party group approved to the scope units. Called by
	 * {@code Task_PublishRegulation}.
	 * @param regulationId the regulation
	 * @throws Refusal (conflict) unless the regulation is published
	 */
	public void publish(Long regulationId) {
		Regulation regulation = this.register.regulation(regulationId);
		if (regulation.getStatus() != Regulation.Status.PUBLISHED) {
			throw Refusal.conflict("制度「" + regulation.getTitle() + "」尚未经党组审定，不能发布",
					"regulation " + regulationId + " is " + regulation.getStatus());
		}
		for (String unit : this.register.scopeUnits(regulation.getCampaignId())) {
			this.notifier.notifyGroup(Unit.GROUP_PREFIX + unit, "制度「" + regulation.getTitle() + "」已经党组审定发布，请遵照执行。",
					ItemLinks.regulation(regulation.getId()));
		}
	}

}
