package org.rectifyflow.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.campaign.internal.CampaignClock;
import org.rectifyflow.campaign.internal.CampaignInputs;
import org.rectifyflow.campaign.internal.CampaignPlanRepository;
import org.rectifyflow.campaign.internal.CampaignRepository;
import org.rectifyflow.campaign.internal.CampaignTasks;
import org.rectifyflow.campaign.internal.CampaignTaxonomy;
import org.rectifyflow.campaign.internal.StudySessionRepository;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning a campaign and moving it through its phases: the start (动员部署), the study
 * session, the plan from draft to publication, the phase deadlines, the phases and the
 * end with the summary. Called by {@code campaign.bpmn} (service tasks, with ids only)
 * and by {@link CampaignTasks}.
 * <p>
 * Rule violations throw {@link TaskRuleViolation} (Chinese and English message): inside
 * the engine they refuse the start or the task completion, in the API they become HTTP
 * 400.
 */
@Service("campaignPlanning")
@Transactional
public class CampaignPlanning {

	private static final Logger logger = LoggerFactory.getLogger(CampaignPlanning.class);

	private final CampaignRepository campaigns;

	private final CampaignPlanRepository plans;

	private final StudySessionRepository studySessions;

	private final CampaignService register;

	private final OrganisationService organisation;

	private final Notifier notifier;

	private final AuditService audit;

	private final WorkingDayCalendar calendar;

	private final CampaignClock clock;

	private final String analysisCycle;

	private final ObjectProvider<CampaignTaxonomy> taxonomy;

	CampaignPlanning(CampaignRepository campaigns, CampaignPlanRepository plans, StudySessionRepository studySessions,
			CampaignService register, OrganisationService organisation, Notifier notifier, AuditService audit,
			WorkingDayCalendar calendar, CampaignClock clock, ObjectProvider<CampaignTaxonomy> taxonomy,
			@Value("${rectify.campaign.analysis-cycle:R/P1M}") String analysisCycle) {
		this.taxonomy = taxonomy;
		this.campaigns = campaigns;
		this.plans = plans;
		this.studySessions = studySessions;
		this.register = register;
		this.organisation = organisation;
		this.notifier = notifier;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
		this.analysisCycle = analysisCycle;
	}

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
		OffsetDateTime now = this.clock.now();
		int year = LocalDate.ofInstant(now.toInstant(), this.clock.zone()).getYear();
		Campaign campaign = this.campaigns
			.save(new Campaign(year, this.campaigns.maxSeq(year) + 1, checkedTitle, basisDocuments, startedBy, now));
		List<String> allCategories = this.register.categories()
			.stream()
			.filter((c) -> c.getParentId() == null)
			.map(ProblemCategory::getCode)
			.toList();
		this.plans.save(new CampaignPlan(campaign.getId(), scopeUnits, allCategories, deadlines));
		this.taxonomy.getObject().copyInto(campaign.getId());
		this.audit.record("CAMPAIGN_STARTED", CampaignService.ITEM_CAMPAIGN, String.valueOf(campaign.getId()), null,
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

	public void attachProcess(Long campaignId, String processInstanceId) {
		this.register.campaign(campaignId).attachProcess(processInstanceId);
	}

	/**
	 * Records the study session (集中学习).
	 */
	public void recordStudySession(Long campaignId, LocalDate heldOn, List<StudySession.Attendee> attendeeList,
			String attendees, String materials, String by) {
		checkStudyDate(heldOn);
		StudySession session = this.studySessions
			.save(new StudySession(campaignId, heldOn, attendeeList, attendees, materials, by, this.clock.now()));
		this.audit.record("STUDY_SESSION_RECORDED", CampaignService.ITEM_CAMPAIGN, String.valueOf(campaignId), null,
				"study session " + session.getId() + " on " + heldOn);
	}

	public void checkStudyDate(LocalDate heldOn) {
		if (heldOn.isAfter(this.clock.today())) {
			throw new TaskRuleViolation("「学习日期」不能晚于今天", "the study date may not lie in the future");
		}
	}

	/**
	 * Checks and submits the drafted plan.
	 */
	public void submitPlan(Long campaignId, List<String> scopeUnits, List<String> categoryCodes,
			PhaseDeadlines deadlines) {
		checkPlan(scopeUnits, categoryCodes, deadlines);
		CampaignPlan plan = this.register.plan(campaignId);
		String before = plan.getStatus().name();
		plan.submit(scopeUnits, categoryCodes.stream().map((c) -> this.register.category(c).getCode()).toList(),
				deadlines);
		this.audit.record("PLAN_SUBMITTED", CampaignService.ITEM_CAMPAIGN, String.valueOf(campaignId), before,
				plan.getStatus().name() + " r" + plan.getRevision());
	}

	@Transactional(readOnly = true)
	public void checkPlan(List<String> scopeUnits, List<String> categoryCodes, PhaseDeadlines deadlines) {
		checkUnits(scopeUnits);
		if (categoryCodes.isEmpty()) {
			throw new TaskRuleViolation("请至少选择一个问题类别", "select at least one problem category");
		}
		categoryCodes.forEach(this.register::category);
		checkDeadlines(deadlines);
	}

	/**
	 * Records the party group's decision on the plan.
	 */
	public void decidePlan(Long campaignId, boolean approved, String opinion) {
		CampaignPlan plan = this.register.plan(campaignId);
		if (approved) {
			plan.publish(opinion, this.clock.now());
		}
		else {
			plan.returnWith(opinion);
		}
		this.audit.record(approved ? "PLAN_APPROVED" : "PLAN_RETURNED", CampaignService.ITEM_CAMPAIGN,
				String.valueOf(campaignId), CampaignPlan.Status.SUBMITTED.name(), plan.getStatus().name());
	}

	/**
	 * Publishes the approved plan: each scope unit's leader is notified and the campaign
	 * enters 查找问题. Called by {@code Task_PublishPlan}.
	 * @param campaignId the campaign
	 * @return the new phase's Chinese name (process variable {@code phase})
	 * @throws Refusal (conflict) unless the plan is published
	 */
	public String publishPlan(Long campaignId) {
		Campaign campaign = this.register.campaign(campaignId);
		CampaignPlan plan = this.register.plan(campaignId);
		if (plan.getStatus() != CampaignPlan.Status.PUBLISHED) {
			throw Refusal.conflict("整治方案尚未经党组审定，不能发布", "plan of " + campaign.getCode() + " is " + plan.getStatus());
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
		return enter(this.register.campaign(campaignId), Phase.valueOf(phase));
	}

	public String enter(Campaign campaign, Phase phase) {
		Phase before = campaign.getPhase();
		campaign.enter(phase);
		if (before != phase) {
			this.audit.record("CAMPAIGN_PHASE", CampaignService.ITEM_CAMPAIGN, String.valueOf(campaign.getId()),
					before.name(), phase.name());
		}
		return phase.label();
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
		LocalDate day = this.register.plan(campaignId).getDeadlines().of(which);
		return Date.from(this.calendar.closeOfBusiness(day).toInstant());
	}

	/**
	 * @return the 分析研判 timer cycle ({@code rectify.campaign.analysis-cycle})
	 */
	public String analysisCycle() {
		return this.analysisCycle;
	}

	/**
	 * Writes the campaign's summary outside its summary task (the report narrative API):
	 * the summary task's form starts from it, and the report prints it.
	 * @param campaignId the campaign
	 * @param summary the text, blank to clear it
	 * @param by who wrote it
	 */
	@Transactional
	public void reviseSummary(Long campaignId, String summary, String by) {
		Campaign campaign = this.register.campaign(campaignId);
		String before = campaign.getSummary();
		String text = (summary == null || summary.isBlank()) ? null : summary.strip();
		campaign.reviseSummary(text);
		this.audit.recordAs(by, "CAMPAIGN_SUMMARY_REVISED", CampaignService.ITEM_CAMPAIGN, String.valueOf(campaignId),
				(before != null) ? before.length() + " characters" : null,
				(text != null) ? text.length() + " characters" : null, null);
	}

	/**
	 * Ends the campaign with its summary.
	 * @return the phase's Chinese name
	 */
	public String complete(Long campaignId, String summary) {
		Campaign campaign = this.register.campaign(campaignId);
		campaign.complete(summary, this.clock.now());
		this.audit.record("CAMPAIGN_COMPLETED", CampaignService.ITEM_CAMPAIGN, String.valueOf(campaignId),
				Phase.INSTITUTIONALIZE.name(), Phase.COMPLETED.name());
		return Phase.COMPLETED.label();
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
		LocalDate today = this.clock.today();
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

}
