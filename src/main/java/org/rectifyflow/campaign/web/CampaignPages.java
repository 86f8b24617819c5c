package org.rectifyflow.campaign.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Phase;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.ProblemCategory;
import org.rectifyflow.campaign.Regulation;
import org.rectifyflow.campaign.internal.CampaignAccess;
import org.rectifyflow.campaign.internal.CampaignRegulations;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.pages.AuditTrail;
import org.rectifyflow.pages.ItemPage;
import org.rectifyflow.rectification.LedgerService;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The printable pages of a campaign: the campaign ({@code /items/campaigns/{id}}: phase,
 * deadlines, figures, links to its lists), its problem list
 * ({@code /items/campaigns/{id}/problems}, the units {@link CampaignAccess} shows the
 * reader), its regulations ({@code /items/campaigns/{id}/regulations}) and one regulation
 * with the problems it addresses ({@code /items/regulations/{id}}). The audit trail is
 * shown to the campaign office, the party group and the discipline group.
 */
@ItemPage
class CampaignPages {

	private static final Map<String, String> PLAN_STATES = Map.of("DRAFT", "起草中", "SUBMITTED", "待党组审定", "RETURNED",
			"已退回修改", "PUBLISHED", "已印发");

	private static final Map<String, String> REGULATION_STATES = Map.of("SUBMITTED", "待党组审定", "RETURNED", "已退回修改",
			"PUBLISHED", "已发布");

	private static final Map<String, String> SOURCES = Map.of("SELF_INSPECTION", "自查", "CROSS_INSPECTION", "互查",
			"REVIEW", "全面剖析", "CLUE", "问题线索", "INSPECTION", "明察暗访");

	private final CampaignService campaigns;

	private final CampaignAccess access;

	private final LedgerService ledger;

	private final AuditTrail trail;

	CampaignPages(CampaignService campaigns, CampaignAccess access, LedgerService ledger, AuditTrail trail) {
		this.campaigns = campaigns;
		this.access = access;
		this.ledger = ledger;
		this.trail = trail;
	}

	@GetMapping("/items/campaigns/{id}")
	String campaign(@PathVariable Long id, Principal principal, Model model) {
		Campaign campaign = campaign(id);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Problem.Status status : Problem.Status.values()) {
			counts.put(status.label(), 0L);
		}
		this.campaigns.problems(id).forEach((p) -> counts.merge(p.getStatus().label(), 1L, Long::sum));
		List<Regulation> regulations = this.campaigns.regulations(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("plan", this.campaigns.findPlan(id).orElse(null));
		model.addAttribute("planStates", PLAN_STATES);
		model.addAttribute("phases", Arrays.stream(Phase.values()).filter((p) -> p != Phase.COMPLETED).toList());
		model.addAttribute("problemCounts", counts);
		model.addAttribute("ledger", this.ledger.summary(id));
		model.addAttribute("regulationCount", regulations.size());
		model.addAttribute("publishedCount",
				regulations.stream().filter((r) -> r.getStatus() == Regulation.Status.PUBLISHED).count());
		model.addAttribute("trail", this.access.readsTrail(principal.getName()) ? this.trail
			.of(CampaignService.ITEM_CAMPAIGN, List.of(String.valueOf(id)), campaign.getProcessInstanceId()) : null);
		return "items/campaign";
	}

	@GetMapping("/items/campaigns/{id}/problems")
	String problems(@PathVariable Long id, Principal principal, Model model) {
		Campaign campaign = campaign(id);
		List<String> units = this.access.visibleUnits(principal.getName());
		List<Problem> problems = (units == null) ? this.campaigns.problems(id)
				: this.campaigns.problemsOfUnits(id, units);
		model.addAttribute("campaign", campaign);
		model.addAttribute("problems", problems);
		model.addAttribute("categories", categoryNames());
		model.addAttribute("allUnits", units == null);
		model.addAttribute("sources", SOURCES);
		return "items/problem-list";
	}

	@GetMapping("/items/campaigns/{id}/regulations")
	String regulations(@PathVariable Long id, Model model) {
		model.addAttribute("campaign", campaign(id));
		model.addAttribute("regulations", this.campaigns.regulations(id));
		model.addAttribute("states", REGULATION_STATES);
		return "items/regulation-list";
	}

	@GetMapping("/items/regulations/{id}")
	String regulation(@PathVariable Long id, Principal principal, Model model) {
		Regulation regulation = this.campaigns.regulation(id);
		List<String> units = this.access.visibleUnits(principal.getName());
		Map<Long, Problem> addressed = new HashMap<>();
		regulation.getProblemIds()
			.forEach(
					(problemId) -> this.campaigns.findProblem(problemId).ifPresent((p) -> addressed.put(problemId, p)));
		List<Problem> shown = regulation.getProblemIds()
			.stream()
			.map(addressed::get)
			.filter((p) -> p != null && (units == null || units.contains(p.getUnitCode())))
			.toList();
		model.addAttribute("regulation", regulation);
		model.addAttribute("campaign", campaign(regulation.getCampaignId()));
		model.addAttribute("problems", shown);
		model.addAttribute("otherProblems", regulation.getProblemIds().size() - shown.size());
		model.addAttribute("categories", categoryNames());
		model.addAttribute("states", REGULATION_STATES);
		model.addAttribute("trail", this.access.readsTrail(principal.getName())
				? this.trail.of(CampaignRegulations.ITEM_REGULATION, List.of(String.valueOf(id)), null) : null);
		return "items/regulation";
	}

	private Campaign campaign(Long id) {
		return this.campaigns.find(id)
			.orElseThrow(() -> Refusal.notFound("专项整治不存在", "campaign " + id + " does not exist"));
	}

	private Map<String, String> categoryNames() {
		return this.campaigns.categories()
			.stream()
			.collect(Collectors.toMap(ProblemCategory::getCode, ProblemCategory::getName, (a, b) -> a));
	}

}
