package org.rectifyflow.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectifyflow.campaign.internal.CampaignCategory;
import org.rectifyflow.campaign.internal.CampaignPlanRepository;
import org.rectifyflow.campaign.internal.CampaignRegulations;
import org.rectifyflow.campaign.internal.CampaignRepository;
import org.rectifyflow.campaign.internal.CampaignTaxonomy;
import org.rectifyflow.campaign.internal.CrossAssignment;
import org.rectifyflow.campaign.internal.CrossAssignmentRepository;
import org.rectifyflow.campaign.internal.CrossInspection;
import org.rectifyflow.campaign.internal.ProblemCategoryRepository;
import org.rectifyflow.campaign.internal.ProblemList;
import org.rectifyflow.campaign.internal.ProblemRepository;
import org.rectifyflow.campaign.internal.ProblemReview;
import org.rectifyflow.campaign.internal.RegulationRepository;
import org.rectifyflow.campaign.internal.StudySessionRepository;
import org.rectifyflow.kernel.Dates;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.rectification.LedgerMeasure;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign register: campaigns, their plans, problems, study sessions, 互查 assignments
 * and regulations as other features and the campaign's own services read them, and the
 * problem taxonomy. Nothing here changes state: the plan and phases are
 * {@link CampaignPlanning}'s, the problem list {@link ProblemList}'s and
 * {@link ProblemReview}'s, 互查 {@link CrossInspection}'s, regulations
 * {@link CampaignRegulations}'; a problem found elsewhere comes in through
 * {@link ProblemIntake}.
 */
@Service("campaignService")
@Transactional(readOnly = true)
public class CampaignService {

	public static final String ITEM_CAMPAIGN = "campaign";

	public static final String ITEM_PROBLEM = "problem";

	private final CampaignRepository campaigns;

	private final CampaignPlanRepository plans;

	private final StudySessionRepository studySessions;

	private final ProblemRepository problems;

	private final ProblemCategoryRepository categories;

	private final CrossAssignmentRepository crossAssignments;

	private final RegulationRepository regulations;

	private final OrganisationService organisation;

	private final LedgerService ledger;

	private final CampaignTaxonomy taxonomy;

	CampaignService(CampaignRepository campaigns, CampaignPlanRepository plans, StudySessionRepository studySessions,
			ProblemRepository problems, ProblemCategoryRepository categories,
			CrossAssignmentRepository crossAssignments, RegulationRepository regulations,
			OrganisationService organisation, LedgerService ledger, CampaignTaxonomy taxonomy) {
		this.ledger = ledger;
		this.taxonomy = taxonomy;
		this.campaigns = campaigns;
		this.plans = plans;
		this.studySessions = studySessions;
		this.problems = problems;
		this.categories = categories;
		this.crossAssignments = crossAssignments;
		this.regulations = regulations;
		this.organisation = organisation;
	}

	/**
	 * The measures of a unit's ledger entries in a campaign, as a reply to a letter
	 * starts from them.
	 * @param campaignId the campaign
	 * @param unitCode the unit
	 * @return one line per entry with measures: 「问题：…；整改措施：（1）…，责任人…，2027年1月15日前完成；（2）…」
	 */
	public List<String> ledgerMeasures(Long campaignId, String unitCode) {
		if (campaignId == null || unitCode == null) {
			return List.of();
		}
		return this.ledger.entries(campaignId)
			.stream()
			.filter((e) -> unitCode.equals(e.getUnitCode()))
			.filter((e) -> !e.getMeasureRows().isEmpty())
			.map((e) -> "问题：" + e.getDescription().strip() + "；整改措施：" + measures(e.getMeasureRows()))
			.toList();
	}

	private String measures(List<LedgerMeasure> rows) {
		List<String> parts = new ArrayList<>();
		for (LedgerMeasure m : rows) {
			String part = ((rows.size() > 1) ? "（" + (parts.size() + 1) + "）" : "") + m.getText().strip();
			if (m.getResponsible() != null) {
				part += "，责任人" + this.organisation.personLabel(m.getResponsible());
			}
			if (m.getDeadline() != null) {
				part += "，" + Dates.chinese(m.getDeadline()) + "前完成";
			}
			parts.add(part);
		}
		return String.join("；", parts);
	}

	/**
	 * @param id the campaign id
	 * @return the campaign, if it exists
	 */
	public Optional<Campaign> find(Long id) {
		return (id != null) ? this.campaigns.findById(id) : Optional.empty();
	}

	/**
	 * @param code the campaign code, e.g. {@code ZZ-2026-001}
	 * @return the campaign, if it exists
	 */
	public Optional<Campaign> findByCode(String code) {
		return this.campaigns.findByCode(code);
	}

	/**
	 * @return the running campaigns, newest first
	 */
	public List<Campaign> running() {
		return this.campaigns.findByStatusOrderByIdDesc(Campaign.Status.RUNNING);
	}

	/**
	 * @return all campaigns, newest first
	 */
	public List<Campaign> all() {
		return this.campaigns.findAllByOrderByIdDesc();
	}

	/**
	 * @param campaignId the campaign
	 * @return its plan
	 * @throws Refusal (not found) if the campaign has no plan
	 */
	public CampaignPlan plan(Long campaignId) {
		return this.plans.findByCampaignId(campaignId)
			.orElseThrow(() -> Refusal.notFound("专项整治不存在", "campaign " + campaignId + " has no plan"));
	}

	/**
	 * @param campaignId the campaign
	 * @return its plan, if one was drafted
	 */
	public Optional<CampaignPlan> findPlan(Long campaignId) {
		return this.plans.findByCampaignId(campaignId);
	}

	/**
	 * @param campaignId the campaign
	 * @return the scope unit codes (the 自查 multi-instance collection)
	 */
	public List<String> scopeUnits(Long campaignId) {
		return plan(campaignId).getScopeUnits();
	}

	/**
	 * @param campaignId the campaign
	 * @return its problems, by number
	 */
	public List<Problem> problems(Long campaignId) {
		return this.problems.findByCampaignIdOrderByNumberAsc(campaignId);
	}

	/**
	 * @param campaignId the campaign
	 * @param unitCodes the units
	 * @return the campaign's problems in those units
	 */
	public List<Problem> problemsOfUnits(Long campaignId, List<String> unitCodes) {
		return this.problems.findByCampaignIdAndUnitCodeInOrderByNumberAsc(campaignId, unitCodes);
	}

	/**
	 * @param problemId a problem
	 * @return the problem, if it exists
	 */
	public Optional<Problem> findProblem(Long problemId) {
		return (problemId != null) ? this.problems.findById(problemId) : Optional.empty();
	}

	/**
	 * @param campaignId the campaign
	 * @return its study sessions, in the order recorded
	 */
	public List<StudySession> studySessions(Long campaignId) {
		return this.studySessions.findByCampaignIdOrderByIdAsc(campaignId);
	}

	/**
	 * @param campaignId the campaign
	 * @return its 互查 assignment, by inspector unit
	 */
	public List<CrossAssignment> crossAssignments(Long campaignId) {
		return this.crossAssignments.findByCampaignIdOrderByInspectorUnitAsc(campaignId);
	}

	/**
	 * @param campaignId the campaign
	 * @return its regulations, in the order drafted
	 */
	public List<Regulation> regulations(Long campaignId) {
		return this.regulations.findByCampaignIdOrderByIdAsc(campaignId);
	}

	/**
	 * @param regulationId a regulation
	 * @return the regulation
	 * @throws Refusal (not found) if it does not exist
	 */
	public Regulation regulation(Long regulationId) {
		return this.regulations.findById(regulationId)
			.orElseThrow(() -> Refusal.notFound("制度不存在", "regulation " + regulationId + " does not exist"));
	}

	/**
	 * @param unitCode a unit code
	 * @return the unit's name, or the code if unknown
	 */
	public String unitName(String unitCode) {
		return this.organisation.findUnit(unitCode).map(Unit::getName).orElse(unitCode);
	}

	/**
	 * @return the active problem categories in display order
	 */
	public List<ProblemCategory> categories() {
		return this.categories.findByActiveTrueOrderBySortOrderAsc();
	}

	/**
	 * @param codeOrName a category code or Chinese name
	 * @return the active category, if there is one
	 */
	public Optional<ProblemCategory> findCategory(String codeOrName) {
		String key = (codeOrName != null) ? codeOrName.strip() : "";
		return this.categories.findByCode(key)
			.or(() -> this.categories.findByCode(key.toUpperCase()))
			.or(() -> categories().stream().filter((c) -> c.getName().equals(key)).findFirst())
			.or(() -> this.categories.findByClueCategoryAndActiveTrue(key))
			.filter(ProblemCategory::isActive);
	}

	/**
	 * A category as a campaign knows it: from the copy of the taxonomy the campaign took
	 * when it started (so that later changes to the taxonomy do not change it); from the
	 * taxonomy itself for a campaign without a copy.
	 * @param campaignId the campaign
	 * @param codeOrName a category code, Chinese name or clue category
	 * @return the category
	 * @throws TaskRuleViolation if the campaign has no such category
	 */
	public ProblemCategory category(Long campaignId, String codeOrName) {
		if (this.taxonomy.of(campaignId).isEmpty()) {
			return category(codeOrName);
		}
		return this.taxonomy.find(campaignId, codeOrName)
			.flatMap((copy) -> this.categories.findByCode(copy.getCode()))
			.orElseThrow(() -> new TaskRuleViolation("问题类别「" + codeOrName + "」不在本次整治的问题分类中",
					"category " + codeOrName + " is not in the campaign's taxonomy"));
	}

	/**
	 * @param campaignId the campaign
	 * @param code a category code
	 * @return the category's name in the campaign's copy of the taxonomy, else its
	 * current name
	 */
	public String categoryName(Long campaignId, String code) {
		return this.taxonomy.find(campaignId, code)
			.map(CampaignCategory::getName)
			.orElseGet(() -> this.categories.findByCode(code).map(ProblemCategory::getName).orElse(code));
	}

	/**
	 * @param codeOrName a category code or Chinese name
	 * @return the category
	 * @throws TaskRuleViolation if unknown
	 */
	public ProblemCategory category(String codeOrName) {
		return findCategory(codeOrName).orElseThrow(
				() -> new TaskRuleViolation("问题类别「" + codeOrName + "」不存在", "unknown problem category " + codeOrName));
	}

	/**
	 * @param category a category
	 * @return its top-level category
	 */
	public ProblemCategory topLevel(ProblemCategory category) {
		ProblemCategory current = category;
		while (current.getParentId() != null) {
			current = this.categories.findById(current.getParentId()).orElseThrow();
		}
		return current;
	}

	/**
	 * The one rule for which problems a campaign takes, with the category's hierarchy
	 * resolved (see {@link CampaignPlan#accepts}).
	 * @param plan the campaign's plan
	 * @param unitCode the unit
	 * @param category the category
	 * @return whether the plan covers the unit and category
	 */
	public boolean accepts(CampaignPlan plan, String unitCode, ProblemCategory category) {
		return plan.accepts(unitCode, category, topLevel(category));
	}

	public List<String> problemLabels(List<Long> problemIds) {
		return this.problems.findAllById(problemIds).stream().map(Problem::getLabel).sorted().toList();
	}

	/**
	 * @return the active units' names by code, the options of a plan's scope
	 */
	public Map<String, String> unitNames() {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		this.organisation.activeUnits().forEach((u) -> names.put(u.getCode(), u.getName()));
		return names;
	}

	public List<String> staffOf(String unitCode) {
		return this.organisation.staffOf(unitCode);
	}

	public String personLabel(String userId) {
		return this.organisation.personLabel(userId);
	}

	List<String> unitsAvailable() {
		return this.organisation.activeUnits().stream().map((u) -> u.getCode() + " " + u.getName()).toList();
	}

	public Campaign campaign(Long campaignId) {
		return find(campaignId)
			.orElseThrow(() -> Refusal.notFound("专项整治不存在", "campaign " + campaignId + " does not exist"));
	}

}
