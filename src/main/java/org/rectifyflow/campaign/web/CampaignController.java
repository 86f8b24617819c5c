package org.rectifyflow.campaign.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.camunda.bpm.engine.RuntimeService;
import org.rectifyflow.campaign.BasisDocument;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignPlan;
import org.rectifyflow.campaign.CampaignPlanning;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Phase;
import org.rectifyflow.campaign.PhaseDeadlines;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.internal.CampaignInputs;
import org.rectifyflow.campaign.internal.CampaignProcess;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.LedgerSummary;
import org.rectifyflow.kernel.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns over HTTP: start, list, detail with counts, and the problem taxonomy. The
 * problem list is {@link ProblemController}'s.
 */
@Tag(name = "专项整治 Campaigns")
@RestController
class CampaignController {

	private final CampaignService campaigns;

	private final CampaignPlanning planning;

	private final LedgerService ledger;

	private final RuntimeService runtimeService;

	CampaignController(CampaignService campaigns, CampaignPlanning planning, LedgerService ledger,
			RuntimeService runtimeService) {
		this.campaigns = campaigns;
		this.planning = planning;
		this.ledger = ledger;
		this.runtimeService = runtimeService;
	}

	record DocumentBody(String title, String number) {
	}

	record DeadlinesBody(LocalDate selfInspection, LocalDate crossInspection, LocalDate review, LocalDate rectification,
			LocalDate regulation) {
	}

	record StartBody(String title, List<DocumentBody> basisDocuments, List<String> scopeUnits,
			DeadlinesBody deadlines) {
	}

	record CampaignView(Long id, String code, String title,
			@Schema(implementation = Campaign.Status.class) String status,
			@Schema(implementation = Phase.class) String phase, String phaseName, String processInstanceId,
			String startedBy, OffsetDateTime startedAt, OffsetDateTime endedAt, List<BasisDocument> basisDocuments,
			List<String> scopeUnits, PhaseDeadlines deadlines, Map<String, Long> problems, LedgerSummary ledger) {
	}

	record CategoryView(Long id, String code, String name, Long parentId, int sortOrder) {
	}

	@Operation(operationId = "startCampaign", summary = "Start a campaign with its plan (发起专项整治)")
	@PostMapping("/api/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	CampaignView start(@RequestBody StartBody body) {
		if (body == null) {
			throw Refusal.invalid("请求内容为空", "empty request");
		}
		DeadlinesBody d = (body.deadlines() != null) ? body.deadlines()
				: new DeadlinesBody(null, null, null, null, null);
		List<BasisDocument> documents = new ArrayList<>();
		for (DocumentBody doc : (body.basisDocuments() != null) ? body.basisDocuments() : List.<DocumentBody>of()) {
			if (doc == null) {
				throw Refusal.invalid("文件依据不能为空", "a basis document is null");
			}
			documents.add(new BasisDocument(CampaignInputs.required(doc.title(), "文件依据标题", 200),
					CampaignInputs.optional(doc.number(), "文号", 100)));
		}
		List<String> units = (body.scopeUnits() != null) ? body.scopeUnits() : List.of();
		PhaseDeadlines deadlines = new PhaseDeadlines(d.selfInspection(), d.crossInspection(), d.review(),
				d.rectification(), d.regulation());
		this.planning.checkStart(body.title(), units, deadlines);
		String basisDocuments = CampaignInputs.basisDocumentsText(documents);
		Map<String, Object> variables = new HashMap<>();
		variables.put(CampaignProcess.VAR_TITLE, body.title());
		variables.put(CampaignProcess.VAR_BASIS_DOCUMENTS, basisDocuments);
		variables.put(CampaignProcess.VAR_SCOPE_UNITS, CampaignInputs.joined(units));
		variables.put(CampaignProcess.VAR_SELF_INSPECTION_DEADLINE, deadlines.selfInspection().toString());
		variables.put(CampaignProcess.VAR_CROSS_INSPECTION_DEADLINE, deadlines.crossInspection().toString());
		variables.put(CampaignProcess.VAR_REVIEW_DEADLINE, deadlines.review().toString());
		variables.put(CampaignProcess.VAR_RECTIFICATION_DEADLINE, deadlines.rectification().toString());
		variables.put(CampaignProcess.VAR_REGULATION_DEADLINE, deadlines.regulation().toString());
		Long id = (Long) this.runtimeService.createProcessInstanceByKey(CampaignProcess.KEY)
			.setVariables(variables)
			.executeWithVariablesInReturn()
			.getVariables()
			.get(CampaignProcess.VAR_CAMPAIGN_ID);
		return view(this.campaigns.find(id).orElseThrow());
	}

	@Operation(operationId = "listCampaigns", summary = "List campaigns")
	@GetMapping("/api/campaigns")
	List<CampaignView> list() {
		return this.campaigns.all().stream().map(this::view).toList();
	}

	@Operation(operationId = "getCampaign", summary = "One campaign with its phases and deadlines")
	@GetMapping("/api/campaigns/{id}")
	CampaignView get(@PathVariable Long id) {
		return view(campaign(id));
	}

	@Operation(operationId = "listProblemCategories", summary = "The problem categories (问题类别)")
	@GetMapping("/api/problem-categories")
	List<CategoryView> categories() {
		return this.campaigns.categories()
			.stream()
			.map((c) -> new CategoryView(c.getId(), c.getCode(), c.getName(), c.getParentId(), c.getSortOrder()))
			.toList();
	}

	private Campaign campaign(Long id) {
		return this.campaigns.find(id)
			.orElseThrow(() -> Refusal.notFound("专项整治不存在", "campaign " + id + " does not exist"));
	}

	private CampaignView view(Campaign c) {
		CampaignPlan plan = this.campaigns.plan(c.getId());
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Problem.Status status : Problem.Status.values()) {
			counts.put(status.name(), 0L);
		}
		this.campaigns.problems(c.getId()).forEach((p) -> counts.merge(p.getStatus().name(), 1L, Long::sum));
		return new CampaignView(c.getId(), c.getCode(), c.getTitle(), c.getStatus().name(), c.getPhase().name(),
				c.getPhase().label(), c.getProcessInstanceId(), c.getStartedBy(), c.getStartedAt(), c.getEndedAt(),
				c.getBasisDocuments(), plan.getScopeUnits(), plan.getDeadlines(), counts,
				this.ledger.summary(c.getId()));
	}

}
