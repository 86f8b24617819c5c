package org.rectifyflow.campaign.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Phase;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 全面剖析: the party group confirms, merges or rejects the problems registered in 查找问题, in
 * the {@code Task_Review} form or through the API.
 */
@Service
@Transactional
public class ProblemReview {

	private final ProblemRepository problems;

	private final CampaignService register;

	private final AuditService audit;

	private final CampaignClock clock;

	ProblemReview(ProblemRepository problems, CampaignService register, AuditService audit, CampaignClock clock) {
		this.problems = problems;
		this.register = register;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Checks 全面剖析 decisions against the campaign's problems: every problem still
	 * registered must be decided (if {@code requireAll}), merge targets must be other
	 * live problems.
	 * @return the decisions expanded to one per problem
	 */
	@Transactional(readOnly = true)
	Map<Problem, CampaignInputs.Decision> check(Long campaignId, List<CampaignInputs.Decision> decisions,
			boolean requireAll) {
		Map<Integer, Problem> byNumber = new LinkedHashMap<>();
		this.register.problems(campaignId).forEach((p) -> byNumber.put(p.getNumber(), p));
		Map<Problem, CampaignInputs.Decision> result = new LinkedHashMap<>();
		CampaignInputs.Decision rest = null;
		for (CampaignInputs.Decision decision : decisions) {
			if (decision.number() == null) {
				rest = decision;
				continue;
			}
			Problem problem = byNumber.get(decision.number());
			if (problem == null) {
				throw new TaskRuleViolation("问题 " + Problem.label(decision.number()) + " 不存在",
						"problem " + decision.number() + " does not exist");
			}
			if (problem.getStatus() != Problem.Status.REGISTERED) {
				throw new TaskRuleViolation("问题 " + problem.getLabel() + " 已" + problem.getStatus().label(),
						"problem " + problem.getLabel() + " is already " + problem.getStatus());
			}
			if (result.containsKey(problem)) {
				throw new TaskRuleViolation("问题 " + problem.getLabel() + " 重复处理", "problem decided twice");
			}
			result.put(problem, decision);
		}
		for (Problem problem : byNumber.values()) {
			if (problem.getStatus() == Problem.Status.REGISTERED && !result.containsKey(problem) && rest != null) {
				result.put(problem, rest);
			}
		}
		for (Map.Entry<Problem, CampaignInputs.Decision> entry : result.entrySet()) {
			CampaignInputs.Decision decision = entry.getValue();
			if (decision.action() == CampaignInputs.Decision.Action.MERGE) {
				Problem target = byNumber.get(decision.mergeInto());
				if (target == null || target == entry.getKey()) {
					throw new TaskRuleViolation(
							"问题 " + entry.getKey().getLabel() + " 不能并入 " + Problem.label(decision.mergeInto()),
							"problem " + entry.getKey().getLabel() + " cannot be merged into " + decision.mergeInto());
				}
				Problem.Status targetStatus = (result.containsKey(target)) ? switch (result.get(target).action()) {
					case CONFIRM -> Problem.Status.CONFIRMED;
					case MERGE -> Problem.Status.MERGED;
					case REJECT -> Problem.Status.REJECTED;
				} : target.getStatus();
				if (targetStatus == Problem.Status.MERGED || targetStatus == Problem.Status.REJECTED) {
					throw new TaskRuleViolation(
							"问题 " + entry.getKey().getLabel() + " 只能并入已确认或待剖析的问题，" + target.getLabel() + " 已"
									+ targetStatus.label(),
							"merge target " + target.getLabel() + " is " + targetStatus);
				}
			}
		}
		List<String> undecided = byNumber.values()
			.stream()
			.filter((p) -> p.getStatus() == Problem.Status.REGISTERED && !result.containsKey(p))
			.map(Problem::getLabel)
			.toList();
		if (requireAll && !undecided.isEmpty()) {
			throw new TaskRuleViolation("尚有 " + undecided.size() + " 个问题未剖析：" + String.join("、", undecided),
					undecided.size() + " problem(s) not yet decided: " + undecided);
		}
		return result;
	}

	/**
	 * Applies 全面剖析 decisions. Confirmations are applied before merges so that a merge
	 * target confirmed in the same batch is valid.
	 * @param campaignId the campaign
	 * @param decisions the decisions
	 * @param requireAll whether every registered problem must be decided
	 * @param by who decided
	 */
	public void apply(Long campaignId, List<CampaignInputs.Decision> decisions, boolean requireAll, String by) {
		Campaign campaign = this.register.campaign(campaignId);
		if (campaign.getPhase() != Phase.INSPECT) {
			throw new TaskRuleViolation("当前阶段不是查找问题，不能剖析问题", "campaign is not in " + Phase.INSPECT);
		}
		Map<Problem, CampaignInputs.Decision> checked = check(campaignId, decisions, requireAll);
		OffsetDateTime now = this.clock.now();
		List<Map.Entry<Problem, CampaignInputs.Decision>> ordered = new ArrayList<>(checked.entrySet());
		ordered.sort((a, b) -> Integer.compare(rank(a.getValue()), rank(b.getValue())));
		for (Map.Entry<Problem, CampaignInputs.Decision> entry : ordered) {
			Problem problem = entry.getKey();
			CampaignInputs.Decision decision = entry.getValue();
			switch (decision.action()) {
				case CONFIRM -> problem.confirm(by, now);
				case MERGE -> problem.mergeInto(
						this.problems.findByCampaignIdAndNumber(campaignId, decision.mergeInto()).orElseThrow(), by,
						now);
				case REJECT -> problem.reject(decision.reason(), by, now);
			}
			this.audit.record("PROBLEM_" + problem.getStatus().name(), CampaignService.ITEM_PROBLEM,
					String.valueOf(problem.getId()), Problem.Status.REGISTERED.name(),
					problem.getStatus().name() + ((decision.reason() != null) ? " " + decision.reason() : "")
							+ ((decision.mergeInto() != null) ? " -> " + Problem.label(decision.mergeInto()) : ""));
		}
	}

	private static int rank(CampaignInputs.Decision decision) {
		return switch (decision.action()) {
			case CONFIRM -> 0;
			case REJECT -> 1;
			case MERGE -> 2;
		};
	}

}
