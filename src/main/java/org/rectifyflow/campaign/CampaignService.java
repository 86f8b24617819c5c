package org.rectifyflow.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's domain service, called by {@code campaign.bpmn}, its task listeners, the
 * REST API and other features.
 * <p>
 * For other features: {@link #running()} and {@link #findByCode(String)} find a running
 * campaign; {@link #addProblem(Long, NewProblem)} adds a problem to it (in 查找问题 it is
 * reviewed in 全面剖析; in 问题整改 it is confirmed at once and gets a ledger entry, which holds
 * the phase open until it settles).
 * <p>
 * Rule violations throw {@link TaskRuleViolation} (Chinese and English message): inside
 * the engine they refuse the start or the task completion, in the API they become HTTP
 * 400.
 */
@Service("campaignService")
@Transactional
public class CampaignService {

	static final String ITEM_CAMPAIGN = "campaign";

	static final String ITEM_PROBLEM = "problem";

	private static final Logger logger = LoggerFactory.getLogger(CampaignService.class);

	private final CampaignRepository campaigns;

	private final CampaignPlanRepository plans;

	private final StudySessionRepository studySessions;

	private final ProblemRepository problems;

	private final ProblemCategoryRepository categories;

	private final CrossAssignmentRepository crossAssignments;

	private final RegulationRepository regulations;

	private final OrganisationService organisation;

	private final CampaignLedger ledger;

	private final Notifier notifier;

	private final AuditService audit;

	private final WorkingDayCalendar calendar;

	private final String analysisCycle;

	private final RandomGenerator random = RandomGenerator.getDefault();

	CampaignService(CampaignRepository campaigns, CampaignPlanRepository plans, StudySessionRepository studySessions,
			ProblemRepository problems, ProblemCategoryRepository categories,
			CrossAssignmentRepository crossAssignments, RegulationRepository regulations,
			OrganisationService organisation, CampaignLedger ledger, Notifier notifier, AuditService audit,
			WorkingDayCalendar calendar, @Value("${rectify.campaign.analysis-cycle:R/P1M}") String analysisCycle) {
		this.campaigns = campaigns;
		this.plans = plans;
		this.studySessions = studySessions;
		this.problems = problems;
		this.categories = categories;
		this.crossAssignments = crossAssignments;
		this.regulations = regulations;
		this.organisation = organisation;
		this.ledger = ledger;
		this.notifier = notifier;
		this.audit = audit;
		this.calendar = calendar;
		this.analysisCycle = analysisCycle;
	}

	// ---------------------------------------------------------------- queries

	/**
	 * @param id the campaign id
	 * @return the campaign, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Campaign> find(Long id) {
		return (id != null) ? this.campaigns.findById(id) : Optional.empty();
	}

	/**
	 * @param code the campaign code, e.g. {@code ZZ-2026-001}
	 * @return the campaign, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Campaign> findByCode(String code) {
		return this.campaigns.findByCode(code);
	}

	/**
	 * @return the running campaigns, newest first
	 */
	@Transactional(readOnly = true)
	public List<Campaign> running() {
		return this.campaigns.findByStatusOrderByIdDesc(Campaign.Status.RUNNING);
	}

	/**
	 * @return all campaigns, newest first
	 */
	@Transactional(readOnly = true)
	public List<Campaign> all() {
		return this.campaigns.findAllByOrderByIdDesc();
	}

	/**
	 * @param campaignId the campaign
	 * @return its plan
	 */
	@Transactional(readOnly = true)
	public CampaignPlan plan(Long campaignId) {
		return this.plans.findByCampaignId(campaignId)
			.orElseThrow(() -> new IllegalStateException("campaign " + campaignId + " has no plan"));
	}

	/**
	 * @param campaignId the campaign
	 * @return its plan, if one was drafted
	 */
	@Transactional(readOnly = true)
	public Optional<CampaignPlan> findPlan(Long campaignId) {
		return this.plans.findByCampaignId(campaignId);
	}

	/**
	 * @param campaignId the campaign
	 * @return its problems, by number
	 */
	@Transactional(readOnly = true)
	public List<Problem> problems(Long campaignId) {
		return this.problems.findByCampaignIdOrderByNumberAsc(campaignId);
	}

	/**
	 * @param campaignId the campaign
	 * @param unitCodes the units
	 * @return the campaign's problems in those units
	 */
	@Transactional(readOnly = true)
	public List<Problem> problemsOfUnits(Long campaignId, List<String> unitCodes) {
		return this.problems.findByCampaignIdAndUnitCodeInOrderByNumberAsc(campaignId, unitCodes);
	}

	/**
	 * @return the active problem categories in display order
	 */
	@Transactional(readOnly = true)
	public List<ProblemCategory> categories() {
		return this.categories.findByActiveTrueOrderBySortOrderAsc();
	}

	@Transactional(readOnly = true)
	public List<StudySession> studySessions(Long campaignId) {
		return this.studySessions.findByCampaignIdOrderByIdAsc(campaignId);
	}

	@Transactional(readOnly = true)
	public List<CrossAssignment> crossAssignments(Long campaignId) {
		return this.crossAssignments.findByCampaignIdOrderByInspectorUnitAsc(campaignId);
	}

	@Transactional(readOnly = true)
	public List<Regulation> regulations(Long campaignId) {
		return this.regulations.findByCampaignIdOrderByIdAsc(campaignId);
	}

	// ---------------------------------------------------------------- 动员部署

	/**
	 * Validates a campaign start and stores the campaign with its draft plan.
	 * @param title the title
	 * @param basisDocuments the basis documents
	 * @param scopeUnits the unit codes in scope
	 * @param deadlines the phase deadlines
	 * @param startedBy who starts it
	 * @return the stored campaign
	 * @throws TaskRuleViolation if the input is invalid
	 */
	public Campaign register(String title, List<BasisDocument> basisDocuments, List<String> scopeUnits,
			PhaseDeadlines deadlines, String startedBy) {
		String checkedTitle = CampaignInputs.required(title, "整治名称", 200);
		checkUnits(scopeUnits);
		checkDeadlines(deadlines);
		OffsetDateTime now = now();
		int year = LocalDate.ofInstant(now.toInstant(), zone()).getYear();
		Campaign campaign = this.campaigns
			.save(new Campaign(year, this.campaigns.maxSeq(year) + 1, checkedTitle, basisDocuments, startedBy, now));
		List<String> allCategories = categories().stream()
			.filter((c) -> c.getParentId() == null)
			.map(ProblemCategory::getCode)
			.toList();
		this.plans.save(new CampaignPlan(campaign.getId(), scopeUnits, allCategories, deadlines));
		this.audit.record("CAMPAIGN_STARTED", ITEM_CAMPAIGN, String.valueOf(campaign.getId()), null,
				campaign.getCode() + " " + checkedTitle);
		logger.info("Campaign {} registered by {}", campaign.getCode(), startedBy);
		return campaign;
	}

	/**
	 * Checks a campaign start without storing anything.
	 * @param title the title
	 * @param scopeUnits the unit codes in scope
	 * @param deadlines the phase deadlines
	 * @throws TaskRuleViolation if the input is invalid
	 */
	@Transactional(readOnly = true)
	public void checkStart(String title, List<String> scopeUnits, PhaseDeadlines deadlines) {
		CampaignInputs.required(title, "整治名称", 200);
		checkUnits(scopeUnits);
		checkDeadlines(deadlines);
	}

	void attachProcess(Long campaignId, String processInstanceId) {
		campaign(campaignId).attachProcess(processInstanceId);
	}

	/**
	 * Records the study session.
	 */
	void recordStudySession(Long campaignId, LocalDate heldOn, String attendees, String materials, String by) {
		if (heldOn.isAfter(today())) {
			throw new TaskRuleViolation("「学习日期」不能晚于今天", "the study date may not lie in the future");
		}
		StudySession session = this.studySessions
			.save(new StudySession(campaignId, heldOn, attendees, materials, by, now()));
		this.audit.record("STUDY_SESSION_RECORDED", ITEM_CAMPAIGN, String.valueOf(campaignId), null,
				"study session " + session.getId() + " on " + heldOn);
	}

	/**
	 * Checks and submits the drafted plan.
	 */
	void submitPlan(Long campaignId, List<String> scopeUnits, List<String> categoryCodes, PhaseDeadlines deadlines) {
		checkPlan(scopeUnits, categoryCodes, deadlines);
		CampaignPlan plan = plan(campaignId);
		String before = plan.getStatus().name();
		plan.submit(scopeUnits, categoryCodes.stream().map((c) -> category(c).getCode()).toList(), deadlines);
		this.audit.record("PLAN_SUBMITTED", ITEM_CAMPAIGN, String.valueOf(campaignId), before,
				plan.getStatus().name() + " r" + plan.getRevision());
	}

	void checkPlan(List<String> scopeUnits, List<String> categoryCodes, PhaseDeadlines deadlines) {
		checkUnits(scopeUnits);
		if (categoryCodes.isEmpty()) {
			throw new TaskRuleViolation("请至少选择一个问题类别", "select at least one problem category");
		}
		categoryCodes.forEach(this::category);
		checkDeadlines(deadlines);
	}

	/**
	 * Records the party group's decision on the plan.
	 */
	void decidePlan(Long campaignId, boolean approved, String opinion) {
		CampaignPlan plan = plan(campaignId);
		if (approved) {
			plan.publish(opinion, now());
		}
		else {
			plan.returnWith(opinion);
		}
		this.audit.record(approved ? "PLAN_APPROVED" : "PLAN_RETURNED", ITEM_CAMPAIGN, String.valueOf(campaignId),
				CampaignPlan.Status.SUBMITTED.name(), plan.getStatus().name());
	}

	/**
	 * Publishes the approved plan: each scope unit's leader is notified and the campaign
	 * enters 查找问题. Called by {@code Task_PublishPlan}.
	 * @param campaignId the campaign
	 * @return the new phase's Chinese name (process variable {@code phase})
	 */
	public String publishPlan(Long campaignId) {
		Campaign campaign = campaign(campaignId);
		CampaignPlan plan = plan(campaignId);
		if (plan.getStatus() != CampaignPlan.Status.PUBLISHED) {
			throw new IllegalStateException("plan of " + campaign.getCode() + " is " + plan.getStatus());
		}
		for (String code : plan.getScopeUnits()) {
			this.organisation.findUnit(code)
				.map(Unit::getLeaderUserId)
				.ifPresent(
						(leader) -> this.notifier
							.notifyUser(leader,
									"专项整治「" + campaign.getTitle() + "」（" + campaign.getCode() + "）整治方案已发布，请组织本单位于"
											+ plan.getDeadlines().selfInspection() + "前完成自查。",
									"/camunda/app/tasklist/"));
			this.notifier.notifyGroup(Unit.GROUP_PREFIX + code,
					"专项整治「" + campaign.getTitle() + "」已进入查找问题阶段，请在任务列表中完成本单位自查。", "/camunda/app/tasklist/");
		}
		return enter(campaign, Phase.INSPECT);
	}

	/**
	 * Moves the campaign to a phase. Called by the BPMN.
	 * @param campaignId the campaign
	 * @param phase the phase name, e.g. {@code INSTITUTIONALIZE}
	 * @return the phase's Chinese name (process variable {@code phase})
	 */
	public String enterPhase(Long campaignId, String phase) {
		return enter(campaign(campaignId), Phase.valueOf(phase));
	}

	private String enter(Campaign campaign, Phase phase) {
		Phase before = campaign.getPhase();
		campaign.enter(phase);
		if (before != phase) {
			this.audit.record("CAMPAIGN_PHASE", ITEM_CAMPAIGN, String.valueOf(campaign.getId()), before.name(),
					phase.name());
		}
		return phase.label();
	}

	/**
	 * @param campaignId the campaign
	 * @return the scope unit codes (the 自查 multi-instance collection)
	 */
	@Transactional(readOnly = true)
	public List<String> scopeUnits(Long campaignId) {
		return plan(campaignId).getScopeUnits();
	}

	/**
	 * @param unitCode a unit code
	 * @return the unit's name, or the code if unknown
	 */
	@Transactional(readOnly = true)
	public String unitName(String unitCode) {
		return this.organisation.findUnit(unitCode).map(Unit::getName).orElse(unitCode);
	}

	/**
	 * The deadline of a phase, as the deadline pattern's {@code deadlineAt}: close of
	 * business on the planned day.
	 * @param campaignId the campaign
	 * @param which {@code SELF_INSPECTION}, {@code CROSS_INSPECTION}, {@code REVIEW},
	 * {@code RECTIFICATION} or {@code REGULATION}
	 * @return the deadline
	 */
	@Transactional(readOnly = true)
	public Date phaseDeadline(Long campaignId, String which) {
		PhaseDeadlines deadlines = plan(campaignId).getDeadlines();
		LocalDate day = switch (which) {
			case "SELF_INSPECTION" -> deadlines.selfInspection();
			case "CROSS_INSPECTION" -> deadlines.crossInspection();
			case "REVIEW" -> deadlines.review();
			case "RECTIFICATION" -> deadlines.rectification();
			case "REGULATION" -> deadlines.regulation();
			default -> throw new IllegalArgumentException("unknown phase deadline " + which);
		};
		return Date.from(this.calendar.closeOfBusiness(day).toInstant());
	}

	// ---------------------------------------------------------------- 查找问题

	/**
	 * Draws the 互查 assignment (see {@link CrossInspectionPlanner}). With a single scope
	 * unit there is nobody to inspect it: 互查 is skipped.
	 * @param campaignId the campaign
	 * @return whether 互查 takes place (process variable {@code crossInspectionNeeded})
	 */
	public boolean assignCrossInspection(Long campaignId) {
		List<String> units = scopeUnits(campaignId);
		if (units.size() < 2) {
			this.audit.record("CROSS_INSPECTION_SKIPPED", ITEM_CAMPAIGN, String.valueOf(campaignId), null,
					"single scope unit " + units);
			return false;
		}
		if (!this.crossAssignments.findByCampaignIdOrderByInspectorUnitAsc(campaignId).isEmpty()) {
			return true;
		}
		Map<String, String> assignment = CrossInspectionPlanner.assign(units, this.random);
		assignment.forEach((inspector, inspected) -> this.crossAssignments
			.save(new CrossAssignment(campaignId, inspector, inspected)));
		this.audit.record("CROSS_INSPECTION_ASSIGNED", ITEM_CAMPAIGN, String.valueOf(campaignId), null,
				assignment.toString());
		return true;
	}

	/**
	 * @param campaignId the campaign
	 * @return the inspector units of 互查 (the multi-instance collection)
	 */
	@Transactional(readOnly = true)
	public List<String> inspectors(Long campaignId) {
		return crossAssignments(campaignId).stream().map(CrossAssignment::getInspectorUnit).toList();
	}

	/**
	 * @param campaignId the campaign
	 * @param inspectorUnit an inspector unit
	 * @return the unit it inspects
	 */
	@Transactional(readOnly = true)
	public String inspectedBy(Long campaignId, String inspectorUnit) {
		return this.crossAssignments.findByCampaignIdAndInspectorUnit(campaignId, inspectorUnit)
			.map(CrossAssignment::getInspectedUnit)
			.orElseThrow(() -> new IllegalStateException("no cross-inspection assignment for " + inspectorUnit));
	}

	/**
	 * Adds a problem to a running campaign. In 查找问题 it waits for 全面剖析; in 问题整改 it is
	 * confirmed and gets a ledger entry at once (it then holds the phase open until the
	 * entry settles).
	 * @param campaignId the campaign
	 * @param problem the problem
	 * @return the stored problem
	 * @throws TaskRuleViolation if the campaign does not take problems now or the input
	 * is invalid (unit outside the scope, unknown category, ...)
	 */
	public Problem addProblem(Long campaignId, NewProblem problem) {
		Campaign campaign = this.campaigns.lockById(campaignId)
			.orElseThrow(() -> new TaskRuleViolation("专项整治不存在", "campaign " + campaignId + " does not exist"));
		if (!campaign.isRunning() || (campaign.getPhase() != Phase.INSPECT && campaign.getPhase() != Phase.RECTIFY)) {
			throw new TaskRuleViolation(
					"专项整治「" + campaign.getCode() + "」当前阶段（" + campaign.getPhase().label() + "）不接受登记问题",
					"campaign " + campaign.getCode() + " takes no problems in phase " + campaign.getPhase());
		}
		Problem stored = store(campaign, problem);
		if (campaign.getPhase() == Phase.RECTIFY) {
			stored.confirm(this.audit.currentActor(), now());
			openLedgerEntry(campaign, stored);
		}
		return stored;
	}

	/**
	 * Checks problems before they are registered (also used by the task validator).
	 */
	@Transactional(readOnly = true)
	public void checkProblem(Long campaignId, NewProblem problem) {
		CampaignPlan plan = plan(campaignId);
		if (problem.unitCode() == null || !plan.getScopeUnits().contains(problem.unitCode())) {
			throw new TaskRuleViolation("单位「" + problem.unitCode() + "」不在本次整治范围内",
					"unit " + problem.unitCode() + " is not in the campaign's scope");
		}
		if (problem.inspectedByUnit() != null && problem.inspectedByUnit().equals(problem.unitCode())) {
			throw new TaskRuleViolation("互查不能检查本单位", "a unit may not cross-inspect itself");
		}
		ProblemCategory category = category(problem.categoryCode());
		if (!inTaxonomy(plan, category)) {
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
	 * Registers the problems of one 自查 or 互查 task.
	 */
	void registerProblems(Long campaignId, List<NewProblem> found) {
		Campaign campaign = this.campaigns.lockById(campaignId).orElseThrow();
		for (NewProblem problem : found) {
			store(campaign, problem);
		}
	}

	private Problem store(Campaign campaign, NewProblem problem) {
		checkProblem(campaign.getId(), problem);
		ProblemCategory category = category(problem.categoryCode());
		Problem stored = this.problems.save(
				new Problem(campaign.getId(), campaign.nextProblemNumber(), problem.unitCode(), category.getCode(),
						problem.description().strip(),
						(problem.evidence() != null && !problem.evidence().isBlank()) ? problem.evidence().strip()
								: null,
						problem.severity(), problem.source(), problem.sourceRef(), problem.inspectedByUnit(),
						this.audit.currentActor(), now()));
		this.audit.record("PROBLEM_REGISTERED", ITEM_PROBLEM, String.valueOf(stored.getId()), null, campaign.getCode()
				+ " " + stored.getLabel() + " " + stored.getUnitCode() + " " + stored.getCategoryCode());
		return stored;
	}

	/**
	 * Checks 全面剖析 decisions against the campaign's problems: every problem still
	 * registered must be decided (if {@code requireAll}), merge targets must be other
	 * live problems.
	 * @return the decisions expanded to one per problem
	 */
	@Transactional(readOnly = true)
	public Map<Problem, CampaignInputs.Decision> checkDecisions(Long campaignId,
			List<CampaignInputs.Decision> decisions, boolean requireAll) {
		Map<Integer, Problem> byNumber = new LinkedHashMap<>();
		problems(campaignId).forEach((p) -> byNumber.put(p.getNumber(), p));
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
	 */
	public void applyDecisions(Long campaignId, List<CampaignInputs.Decision> decisions, boolean requireAll) {
		Campaign campaign = campaign(campaignId);
		if (campaign.getPhase() != Phase.INSPECT) {
			throw new TaskRuleViolation("当前阶段不是查找问题，不能剖析问题", "campaign is not in " + Phase.INSPECT);
		}
		Map<Problem, CampaignInputs.Decision> checked = checkDecisions(campaignId, decisions, requireAll);
		String by = this.audit.currentActor();
		OffsetDateTime now = now();
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
			this.audit.record("PROBLEM_" + problem.getStatus().name(), ITEM_PROBLEM, String.valueOf(problem.getId()),
					Problem.Status.REGISTERED.name(),
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

	// ---------------------------------------------------------------- 问题整改

	/**
	 * Enters 问题整改 and opens a ledger entry (with its rectification process) for every
	 * confirmed problem that has none yet. Called by {@code Task_OpenLedgerEntries}.
	 * @param campaignId the campaign
	 * @return the phase's Chinese name (process variable {@code phase})
	 */
	public String openLedgerEntries(Long campaignId) {
		Campaign campaign = campaign(campaignId);
		String phase = enter(campaign, Phase.RECTIFY);
		for (Problem problem : this.problems.findByCampaignIdAndStatusOrderByNumberAsc(campaignId,
				Problem.Status.CONFIRMED)) {
			if (problem.getLedgerEntryCode() == null) {
				openLedgerEntry(campaign, problem);
			}
		}
		return phase;
	}

	private void openLedgerEntry(Campaign campaign, Problem problem) {
		String code = this.ledger.open(campaign, problem, category(problem.getCategoryCode()).getName());
		problem.ledgerOpened(code);
		this.audit.record("PROBLEM_LEDGER_OPENED", ITEM_PROBLEM, String.valueOf(problem.getId()), null, code);
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

	/**
	 * @return the 分析研判 timer cycle ({@code rectify.campaign.analysis-cycle})
	 */
	public String analysisCycle() {
		return this.analysisCycle;
	}

	// ---------------------------------------------------------------- 建章立制

	/**
	 * Saves a regulation draft: a new one, or the revision of a returned one.
	 * @return the regulation id
	 */
	Long draftRegulation(Long campaignId, Long returnedId, String title, String body, List<Integer> problemNumbers) {
		List<Long> problemIds = checkRegulationProblems(campaignId, problemNumbers);
		String by = this.audit.currentActor();
		Regulation regulation = (returnedId != null) ? this.regulations.findById(returnedId)
			.filter((r) -> r.getStatus() == Regulation.Status.RETURNED)
			.orElse(null) : null;
		if (regulation != null) {
			regulation.revise(title, body, problemIds, by, now());
		}
		else {
			regulation = this.regulations.save(new Regulation(campaignId, title, body, problemIds, by, now()));
		}
		this.audit.record("REGULATION_SUBMITTED", "regulation", String.valueOf(regulation.getId()), null, title);
		return regulation.getId();
	}

	@Transactional(readOnly = true)
	public List<Long> checkRegulationProblems(Long campaignId, List<Integer> problemNumbers) {
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

	void decideRegulation(Long regulationId, boolean approved, String opinion) {
		Regulation regulation = this.regulations.findById(regulationId).orElseThrow();
		if (approved) {
			regulation.publish(opinion, now());
		}
		else {
			regulation.returnWith(opinion);
		}
		this.audit.record(approved ? "REGULATION_PUBLISHED" : "REGULATION_RETURNED", "regulation",
				String.valueOf(regulationId), Regulation.Status.SUBMITTED.name(), regulation.getStatus().name());
	}

	/**
	 * Announces a regulation the party group approved to the scope units. Called by
	 * {@code Task_PublishRegulation}.
	 * @param regulationId the regulation
	 */
	public void publishRegulation(Long regulationId) {
		Regulation regulation = regulation(regulationId);
		if (regulation.getStatus() != Regulation.Status.PUBLISHED) {
			throw new IllegalStateException("regulation " + regulationId + " is " + regulation.getStatus());
		}
		for (String unit : scopeUnits(regulation.getCampaignId())) {
			this.notifier.notifyGroup(Unit.GROUP_PREFIX + unit, "制度「" + regulation.getTitle() + "」已经党组审定发布，请遵照执行。",
					null);
		}
	}

	/**
	 * Ends the campaign with its summary.
	 * @return the phase's Chinese name
	 */
	String complete(Long campaignId, String summary) {
		Campaign campaign = campaign(campaignId);
		campaign.complete(summary, now());
		this.audit.record("CAMPAIGN_COMPLETED", ITEM_CAMPAIGN, String.valueOf(campaignId),
				Phase.INSTITUTIONALIZE.name(), Phase.COMPLETED.name());
		return Phase.COMPLETED.label();
	}

	// ---------------------------------------------------------------- helpers

	@Transactional(readOnly = true)
	public Regulation regulation(Long regulationId) {
		return this.regulations.findById(regulationId)
			.orElseThrow(() -> new IllegalArgumentException("regulation " + regulationId + " does not exist"));
	}

	@Transactional(readOnly = true)
	List<String> problemLabels(List<Long> problemIds) {
		return this.problems.findAllById(problemIds).stream().map(Problem::getLabel).sorted().toList();
	}

	@Transactional(readOnly = true)
	List<String> scopeUnitsAvailable() {
		return this.organisation.activeUnits().stream().map((u) -> u.getCode() + " " + u.getName()).toList();
	}

	String actor() {
		return this.audit.currentActor();
	}

	Campaign campaign(Long campaignId) {
		return this.campaigns.findById(campaignId)
			.orElseThrow(() -> new IllegalArgumentException("campaign " + campaignId + " does not exist"));
	}

	/**
	 * @param codeOrName a category code or Chinese name
	 * @return the category
	 * @throws TaskRuleViolation if unknown
	 */
	@Transactional(readOnly = true)
	public ProblemCategory category(String codeOrName) {
		String key = (codeOrName != null) ? codeOrName.strip() : "";
		return this.categories.findByCode(key)
			.or(() -> this.categories.findByCode(key.toUpperCase()))
			.or(() -> categories().stream().filter((c) -> c.getName().equals(key)).findFirst())
			.filter(ProblemCategory::isActive)
			.orElseThrow(() -> new TaskRuleViolation("问题类别「" + key + "」不存在", "unknown problem category " + key));
	}

	/**
	 * @param category a category
	 * @return its top-level category
	 */
	@Transactional(readOnly = true)
	public ProblemCategory topLevel(ProblemCategory category) {
		ProblemCategory current = category;
		while (current.getParentId() != null) {
			current = this.categories.findById(current.getParentId()).orElseThrow();
		}
		return current;
	}

	private boolean inTaxonomy(CampaignPlan plan, ProblemCategory category) {
		return plan.getCategories().contains(category.getCode())
				|| plan.getCategories().contains(topLevel(category).getCode());
	}

	private void checkUnits(List<String> scopeUnits) {
		if (scopeUnits == null || scopeUnits.isEmpty()) {
			throw new TaskRuleViolation("请至少选择一个整治范围内的单位", "at least one scope unit is required");
		}
		Set<String> unknown = new TreeSet<>();
		Set<String> seen = new HashSet<>();
		for (String code : scopeUnits) {
			if (this.organisation.findUnit(code).filter(Unit::isActive).isEmpty()) {
				unknown.add(String.valueOf(code));
			}
			else if (!seen.add(code)) {
				throw new TaskRuleViolation("整治范围内的单位重复：" + code, "scope unit listed twice: " + code);
			}
		}
		if (!unknown.isEmpty()) {
			throw new TaskRuleViolation("单位不存在或已停用：" + String.join("、", unknown),
					"unknown or inactive units: " + unknown);
		}
	}

	private void checkDeadlines(PhaseDeadlines deadlines) {
		LocalDate today = today();
		List<Map.Entry<String, LocalDate>> ordered = List.of(
				Map.entry("自查期限", nonNull(deadlines.selfInspection(), "自查期限")),
				Map.entry("互查期限", nonNull(deadlines.crossInspection(), "互查期限")),
				Map.entry("全面剖析期限", nonNull(deadlines.review(), "全面剖析期限")),
				Map.entry("问题整改期限", nonNull(deadlines.rectification(), "问题整改期限")),
				Map.entry("建章立制期限", nonNull(deadlines.regulation(), "建章立制期限")));
		LocalDate previous = null;
		String previousLabel = null;
		for (Map.Entry<String, LocalDate> entry : ordered) {
			if (entry.getValue().isBefore(today)) {
				throw new TaskRuleViolation("「" + entry.getKey() + "」不能早于当前日期",
						entry.getKey() + " may not lie in the past");
			}
			if (previous != null && entry.getValue().isBefore(previous)) {
				throw new TaskRuleViolation("「" + entry.getKey() + "」不能早于「" + previousLabel + "」，各阶段期限须按阶段先后排列",
						"phase deadlines must be in phase order");
			}
			previous = entry.getValue();
			previousLabel = entry.getKey();
		}
	}

	private static LocalDate nonNull(LocalDate date, String label) {
		if (date == null) {
			throw new TaskRuleViolation("「" + label + "」为必填项", label + " is required");
		}
		return date;
	}

	ZoneId zone() {
		return this.calendar.zone();
	}

	LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone());
	}

	OffsetDateTime now() {
		return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone());
	}

	String describeProblems(Long campaignId) {
		return problems(campaignId).stream()
			.map((p) -> p.getLabel() + "［" + p.getStatus().label() + "］" + unitName(p.getUnitCode()) + "｜"
					+ category(p.getCategoryCode()).getName() + "｜" + p.getSeverity().label() + "｜" + p.getDescription()
					+ ((p.getInspectedByUnit() != null) ? "（互查：" + unitName(p.getInspectedByUnit()) + "）" : ""))
			.collect(Collectors.joining("\n"));
	}

	String describeCategories(Long campaignId) {
		CampaignPlan plan = plan(campaignId);
		return categories().stream()
			.filter((c) -> inTaxonomy(plan, c))
			.map((c) -> c.getCode() + " " + c.getName())
			.collect(Collectors.joining("；"));
	}

}
