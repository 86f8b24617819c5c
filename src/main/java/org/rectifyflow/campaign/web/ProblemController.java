package org.rectifyflow.campaign.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.ProblemIntake;
import org.rectifyflow.campaign.internal.CampaignAccess;
import org.rectifyflow.campaign.internal.CampaignInputs;
import org.rectifyflow.campaign.internal.ProblemReview;
import org.rectifyflow.kernel.Choices;
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
 * A campaign's problem list over HTTP: the list (a unit handler sees only its units'
 * problems), problems added by other channels, and 全面剖析 decisions.
 */
@Tag(name = "专项整治 Campaigns")
@RestController
class ProblemController {

	private final CampaignService campaigns;

	private final ProblemIntake intake;

	private final ProblemReview review;

	private final CampaignAccess access;

	ProblemController(CampaignService campaigns, ProblemIntake intake, ProblemReview review, CampaignAccess access) {
		this.campaigns = campaigns;
		this.intake = intake;
		this.review = review;
		this.access = access;
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

	@Operation(operationId = "listCampaignProblems",
			summary = "The campaign's problem list (问题清单) as the user may see it")
	@GetMapping("/api/campaigns/{id}/problems")
	List<ProblemView> problems(@PathVariable Long id, Principal principal) {
		Campaign campaign = campaign(id);
		List<String> units = this.access.visibleUnits(principal.getName());
		List<Problem> problems = (units == null) ? this.campaigns.problems(campaign.getId())
				: this.campaigns.problemsOfUnits(campaign.getId(), units);
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
		this.access.checkMayRegister(principal.getName(), body.unitCode());
		Problem.Severity severity = Problem.Severity.parse(body.severity());
		if (severity == null) {
			throw Refusal.invalid("「严重程度」无效，应为" + Choices.labels(Problem.Severity.class),
					"severity must be " + Choices.names(Problem.Severity.class) + " or their Chinese labels");
		}
		Problem.Source source = Choices.parse(Problem.Source.class, body.source())
			.orElseThrow(() -> Refusal.invalid("「问题来源」无效，应为" + Choices.labels(Problem.Source.class),
					"unknown source " + body.source() + "; sources are " + Choices.names(Problem.Source.class)));
		ProblemIntake.Receipt receipt = this.intake
			.take(new ProblemIntake.FoundProblem(campaign.getId(), body.unitCode(), body.categoryCode(),
					body.description(), body.evidence(), severity, source, body.sourceRef(), false,
					principal.getName()))
			.orElseThrow();
		return view(this.campaigns.findProblem(receipt.problemId()).orElseThrow());
	}

	@Operation(operationId = "reviewCampaignProblems",
			summary = "Record the review decisions on the problem list (审核问题清单)")
	@PostMapping("/api/campaigns/{id}/review")
	@Transactional
	List<ProblemView> review(@PathVariable Long id, @RequestBody ReviewBody body, Principal principal) {
		Campaign campaign = campaign(id);
		this.access.checkMayReview(principal.getName());
		if (body == null || body.decisions() == null || body.decisions().isEmpty()) {
			throw Refusal.invalid("请至少提交一项剖析结论", "no decisions");
		}
		List<CampaignInputs.Decision> decisions = new ArrayList<>();
		for (DecisionBody d : body.decisions()) {
			decisions.add(decision(d));
		}
		this.review.apply(campaign.getId(), decisions, false, principal.getName());
		return this.campaigns.problems(campaign.getId()).stream().map(this::view).toList();
	}

	private static CampaignInputs.Decision decision(DecisionBody d) {
		if (d == null) {
			throw Refusal.invalid("剖析结论不能为空", "a decision is null");
		}
		CampaignInputs.Decision.Action action = Choices
			.parse(CampaignInputs.Decision.Action.class, d.action(), CampaignInputs.Decision.Action::label)
			.orElseThrow(() -> Refusal.invalid(
					"处理方式「" + d.action() + "」无效，应为"
							+ Choices.labels(CampaignInputs.Decision.Action.class,
									CampaignInputs.Decision.Action::label),
					"action must be " + Choices.names(CampaignInputs.Decision.Action.class) + " or 确认, 合并, 驳回"));
		if (d.problem() == null) {
			throw Refusal.invalid("请填写问题编号", "problem is required");
		}
		Integer target = (d.mergeInto() != null) ? CampaignInputs.problemNumber(d.mergeInto(), 1) : null;
		if (action == CampaignInputs.Decision.Action.MERGE && target == null) {
			throw Refusal.invalid("合并须写明并入的问题编号", "mergeInto is required");
		}
		String reason = (action == CampaignInputs.Decision.Action.REJECT)
				? CampaignInputs.required(d.reason(), "驳回理由", 500) : null;
		return new CampaignInputs.Decision(CampaignInputs.problemNumber(d.problem(), 1), action, target, reason);
	}

	private Campaign campaign(Long id) {
		return this.campaigns.find(id)
			.orElseThrow(() -> Refusal.notFound("专项整治不存在", "campaign " + id + " does not exist"));
	}

	private ProblemView view(Problem p) {
		return new ProblemView(p.getId(), p.getLabel(), p.getUnitCode(), this.campaigns.unitName(p.getUnitCode()),
				p.getCategoryCode(), this.campaigns.category(p.getCategoryCode()).getName(), p.getDescription(),
				p.getEvidence(), p.getSeverity().name(), p.getSource().name(), p.getSourceRef(), p.getStatus().name(),
				p.getMergedIntoId(), p.getRejectReason(), p.getInspectedByUnit(), p.getLedgerEntryCode(),
				p.getRegisteredAt());
	}

}
