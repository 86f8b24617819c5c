package org.rectifyflow.campaign;

import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.LedgerSummary;
import org.rectifyflow.kernel.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns over HTTP: start, list, detail with counts, problem list (a unit handler sees
 * only its units' problems), 全面剖析 decisions, problems added by other channels, and the
 * problem taxonomy.
 */
@Tag(name = "专项整治 Campaigns")
@RestController
class CampaignController {

	/** Groups that see every unit's problems. */
	static final Set<String> OVERSEERS = Set.of(Roles.CAMPAIGN_OFFICE, Roles.PARTY_GROUP, Roles.DISCIPLINE_GROUP,
			Roles.DISCIPLINE_LEAD, Roles.SUPERVISORS, Roles.ADMIN);

	private final CampaignService campaigns;

	private final LedgerService ledger;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final OrganisationService organisation;

	private final SystemAuthority systemAuthority;

	CampaignController(CampaignService campaigns, LedgerService ledger, RuntimeService runtimeService,
			IdentityService identityService, OrganisationService organisation, SystemAuthority systemAuthority) {
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.organisation = organisation;
		this.systemAuthority = systemAuthority;
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

	record ProblemView(Long id, String number, String unitCode, String unitName, String categoryCode,
			String categoryName, String description, String evidence,
			@Schema(implementation = Problem.Severity.class) String severity,
			@Schema(implementation = Problem.Source.class) String source, String sourceRef,
			@Schema(implementation = Problem.Status.class) String status, Long mergedIntoId, String rejectReason,
			String inspectedByUnit, String ledgerEntryCode, OffsetDateTime registeredAt) {
	}

	record ProblemBody(String unitCode, String categoryCode, String description, String evidence, String severity,
			String source, String sourceRef) {
	}

	record DecisionBody(String problem, String action, String mergeInto, String reason) {
	}

	record ReviewBody(List<DecisionBody> decisions) {
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
		this.campaigns.checkStart(body.title(), units, deadlines);
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

	@Operation(operationId = "listCampaignProblems",
			summary = "The campaign's problem list (问题清单) as the user may see it")
	@GetMapping("/api/campaigns/{id}/problems")
	List<ProblemView> problems(@PathVariable Long id, Principal principal) {
		Campaign campaign = campaign(id);
		List<Problem> problems = seesAll(principal.getName()) ? this.campaigns.problems(campaign.getId())
				: this.campaigns.problemsOfUnits(campaign.getId(), this.organisation.unitsOf(principal.getName()));
		return problems.stream().map(this::view).toList();
	}

	@Operation(operationId = "addCampaignProblem", summary = "Add a problem found by the unit to the problem list")
	@PostMapping("/api/campaigns/{id}/problems")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	ProblemView addProblem(@PathVariable Long id, @RequestBody ProblemBody body, Principal principal) {
		Campaign campaign = campaign(id);
		if (body == null) {
			throw Refusal.invalid("请求内容为空", "empty request");
		}
		if (!seesAll(principal.getName())
				&& !this.organisation.unitsOf(principal.getName()).contains(body.unitCode())) {
			throw Refusal.forbidden("只能为本单位登记问题", "you may register problems of your own unit only");
		}
		Problem.Severity severity = Problem.Severity.parse(body.severity());
		if (severity == null) {
			throw Refusal.invalid("「严重程度」无效，应为一般、较重或严重", "severity must be MINOR, SERIOUS or GRAVE");
		}
		Problem.Source source;
		try {
			source = Problem.Source.valueOf(String.valueOf(body.source()));
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid("「问题来源」无效", "unknown source " + body.source());
		}
		return view(this.campaigns.addProblem(campaign.getId(), new NewProblem(body.unitCode(), body.categoryCode(),
				body.description(), body.evidence(), severity, source, body.sourceRef(), null)));
	}

	@Operation(operationId = "reviewCampaignProblems",
			summary = "Record the review decisions on the problem list (审核问题清单)")
	@PostMapping("/api/campaigns/{id}/review")
	@Transactional
	List<ProblemView> review(@PathVariable Long id, @RequestBody ReviewBody body, Principal principal) {
		Campaign campaign = campaign(id);
		if (!groups(principal.getName()).contains(Roles.PARTY_GROUP)) {
			throw Refusal.forbidden("全面剖析由局党组进行", "only the party group reviews problems");
		}
		if (body == null || body.decisions() == null || body.decisions().isEmpty()) {
			throw Refusal.invalid("请至少提交一项剖析结论", "no decisions");
		}
		List<CampaignInputs.Decision> decisions = new ArrayList<>();
		for (DecisionBody d : body.decisions()) {
			if (d == null) {
				throw Refusal.invalid("剖析结论不能为空", "a decision is null");
			}
			CampaignInputs.Decision.Action action;
			try {
				action = CampaignInputs.Decision.Action.valueOf(String.valueOf(d.action()));
			}
			catch (IllegalArgumentException ex) {
				throw Refusal.invalid("处理方式「" + d.action() + "」无效，应为 CONFIRM、MERGE 或 REJECT",
						"action must be CONFIRM, MERGE or REJECT");
			}
			if (d.problem() == null) {
				throw Refusal.invalid("请填写问题编号", "problem is required");
			}
			Integer target = (d.mergeInto() != null) ? CampaignInputs.problemNumber(d.mergeInto(), 1) : null;
			if (action == CampaignInputs.Decision.Action.MERGE && target == null) {
				throw Refusal.invalid("合并须写明并入的问题编号", "mergeInto is required");
			}
			String reason = (action == CampaignInputs.Decision.Action.REJECT)
					? CampaignInputs.required(d.reason(), "驳回理由", 500) : null;
			decisions
				.add(new CampaignInputs.Decision(CampaignInputs.problemNumber(d.problem(), 1), action, target, reason));
		}
		this.campaigns.applyDecisions(campaign.getId(), decisions, false);
		return this.campaigns.problems(campaign.getId()).stream().map(this::view).toList();
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

	private boolean seesAll(String userId) {
		return groups(userId).stream().anyMatch(OVERSEERS::contains);
	}

	private Set<String> groups(String userId) {
		return this.systemAuthority.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.collect(Collectors.toSet()));
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

	private ProblemView view(Problem p) {
		return new ProblemView(p.getId(), p.getLabel(), p.getUnitCode(), this.campaigns.unitName(p.getUnitCode()),
				p.getCategoryCode(), this.campaigns.category(p.getCategoryCode()).getName(), p.getDescription(),
				p.getEvidence(), p.getSeverity().name(), p.getSource().name(), p.getSourceRef(), p.getStatus().name(),
				p.getMergedIntoId(), p.getRejectReason(), p.getInspectedByUnit(), p.getLedgerEntryCode(),
				p.getRegisteredAt());
	}

}
