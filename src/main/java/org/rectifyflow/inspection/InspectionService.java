package org.rectifyflow.inspection;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.deadline.DeadlinePassed;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.pages.ItemLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code bpmn/inspection.bpmn}: registration, the plan, the random team
 * draw, the approval, the field work with its findings, disclosure and the hand-over of
 * the findings. Every change is made on the {@link Inspection} (which guards its own
 * transitions) and audited.
 */
@Service("inspectionService")
public class InspectionService {

	static final String ACTION_STARTED = "INSPECTION_STARTED";

	static final String ACTION_PLANNED = "INSPECTION_PLANNED";

	static final String ACTION_TEAM_DRAWN = "INSPECTION_TEAM_DRAWN";

	static final String ACTION_DRAW_FAILED = "INSPECTION_TEAM_DRAW_FAILED";

	static final String ACTION_PLAN_DECIDED = "INSPECTION_PLAN_DECIDED";

	static final String ACTION_FIELD_WORK_STARTED = "INSPECTION_FIELD_WORK_STARTED";

	static final String ACTION_FINDING = "INSPECTION_FINDING_RECORDED";

	static final String ACTION_FIELD_WORK_ENDED = "INSPECTION_FIELD_WORK_ENDED";

	static final String ACTION_FINDING_HANDED_OVER = "INSPECTION_FINDING_HANDED_OVER";

	static final String ACTION_CLOSED = "INSPECTION_CLOSED";

	static final String ACTION_OVERDUE = "INSPECTION_OVERDUE";

	static final int TEXT = 2000;

	static final int LONG_TEXT = 4000;

	static final int MAX_TEAM_SIZE = 20;

	private static final Logger logger = LoggerFactory.getLogger(InspectionService.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	/** Variables of the field work form, removed after each submission. */
	private final InspectionRepository inspections;

	private final TeamDrawRecordRepository draws;

	private final TeamMemberRepository members;

	private final FindingRepository findings;

	private final OrganisationService organisation;

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	private final InspectionSecrecy secrecy;

	private final AuditService audit;

	private final Notifier notifier;

	private final WorkingDayCalendar calendar;

	private final ObjectMapper json;

	private final ObjectProvider<FindingSink> sinks;

	private final int minUnitStaff;

	private Random random = new SecureRandom();

	InspectionService(InspectionRepository inspections, TeamDrawRecordRepository draws, TeamMemberRepository members,
			FindingRepository findings, OrganisationService organisation, IdentityService identityService,
			SystemAuthority systemAuthority, InspectionSecrecy secrecy, AuditService audit, Notifier notifier,
			WorkingDayCalendar calendar, ObjectMapper json, ObjectProvider<FindingSink> sinks,
			@Value("${rectify.inspection.min-unit-staff:2}") int minUnitStaff) {
		this.inspections = inspections;
		this.draws = draws;
		this.members = members;
		this.findings = findings;
		this.organisation = organisation;
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
		this.secrecy = secrecy;
		this.audit = audit;
		this.notifier = notifier;
		this.calendar = calendar;
		this.json = json;
		this.sinks = sinks;
		this.minUnitStaff = minUnitStaff;
	}

	/**
	 * Replaces the source of randomness of the team draw ({@link SecureRandom} by
	 * default); tests use a seeded one.
	 * @param random the source of randomness
	 */
	void useRandom(Random random) {
		this.random = random;
	}

	// ------------------------------------------------------------------ queries

	@Transactional(readOnly = true)
	public Optional<Inspection> find(Long id) {
		return (id != null) ? this.inspections.findById(id) : Optional.empty();
	}

	@Transactional(readOnly = true)
	public Optional<Inspection> findByCode(String code) {
		return this.inspections.findByCode(code);
	}

	@Transactional(readOnly = true)
	List<Inspection> all() {
		return this.inspections.findAllByOrderByIdDesc();
	}

	@Transactional(readOnly = true)
	public List<TeamMember> team(Long inspectionId) {
		return this.members.findByInspectionIdOrderByIdAsc(inspectionId);
	}

	@Transactional(readOnly = true)
	public List<Finding> findings(Long inspectionId) {
		return this.findings.findByInspectionIdOrderBySeqAsc(inspectionId);
	}

	@Transactional(readOnly = true)
	public List<TeamDrawRecord> draws(Long inspectionId) {
		return this.draws.findByInspectionIdOrderByAttemptAsc(inspectionId);
	}

	@Transactional(readOnly = true)
	List<Long> inspectionsOfMember(String userId) {
		return this.members.inspectionIdsOf(userId);
	}

	/**
	 * The multi-instance collection of the field work: every team member, the leader
	 * first.
	 * @param inspectionId the inspection
	 * @return the user ids
	 */
	@Transactional(readOnly = true)
	public List<String> teamUserIds(Long inspectionId) {
		List<TeamMember> team = team(inspectionId);
		List<String> ids = new ArrayList<>();
		team.stream().filter(TeamMember::isTeamLeader).forEach((m) -> ids.add(m.getUserId()));
		team.stream().filter((m) -> !m.isTeamLeader()).forEach((m) -> ids.add(m.getUserId()));
		return ids;
	}

	// ------------------------------------------------------------------ steps

	/**
	 * {@code Task_Register}: stores the inspection (code {@code JC-<year>-<nnn>}), makes
	 * the code the business key and gives the plan form the unit list.
	 * @param execution the starting execution
	 */
	@Transactional
	public void register(DelegateExecution execution) {
		Object initiator = execution.getVariable(InspectionProcess.VAR_PLANNER);
		String planner = (initiator != null) ? initiator.toString() : this.audit.currentActor();
		String code = nextCode();
		Inspection inspection = this.inspections.save(new Inspection(code, planner, now()));
		inspection.linkProcess(execution.getProcessInstanceId());
		execution.setProcessBusinessKey(code);
		execution.setVariable(InspectionProcess.VAR_INSPECTION_ID, inspection.getId());
		execution.setVariable(InspectionProcess.VAR_INSPECTION_CODE, code);
		execution.setVariable(InspectionProcess.VAR_PLANNER, planner);
		execution.setVariable(InspectionProcess.VAR_UNIT_LIST, unitList());
		this.audit.record(ACTION_STARTED, InspectionProcess.ITEM_TYPE, String.valueOf(inspection.getId()), null,
				code + " planner=" + planner);
		logger.info("Inspection {} registered by {}", code, planner);
	}

	/**
	 * The planner of an inspection: the assignee of the planning task.
	 * @param code the process instance's business key
	 * @return the planner recorded on the inspection
	 */
	public String plannerOf(String code) {
		return byCode(code).getPlanner();
	}

	/**
	 * The leader of an inspection's team: the assignee of the report.
	 * @param code the process instance's business key
	 * @return the team leader recorded on the inspection
	 */
	public String teamLeaderOf(String code) {
		return byCode(code).getTeamLeader();
	}

	/**
	 * {@code Task_Plan} completed: stores the plan (validated by {@link InspectionTasks})
	 * and applies the secrecy of its kind.
	 * @param inspectionId the inspection
	 * @param plan the parsed plan
	 */
	@Transactional
	public void recordPlan(Long inspectionId, PlanInput plan) {
		Inspection inspection = inspection(inspectionId);
		inspection.plan(plan.kind(), plan.title(), plan.targetUnits(), plan.places(), plan.periodStart(),
				plan.periodEnd(), plan.teamSize(), plan.focus(), now());
		this.secrecy.apply(inspection);
		this.audit.record(ACTION_PLANNED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId), null,
				"kind=" + plan.kind() + " targets=" + plan.targetUnits() + " period=" + plan.periodStart() + ".."
						+ plan.periodEnd() + " teamSize=" + plan.teamSize());
	}

	/**
	 * {@code Task_DrawTeam}: draws the team by the rules of {@link TeamDraw}, stores the
	 * full record (table {@code team_draw}) and an audit event, and sets
	 * {@code teamDrawn}, {@code drawMessage}, {@code teamSummary}, {@code teamLeader}.
	 * @param execution the execution
	 */
	@Transactional
	public void drawTeam(DelegateExecution execution) {
		Long inspectionId = (Long) execution.getVariable(InspectionProcess.VAR_INSPECTION_ID);
		DrawOutcome outcome = draw(inspectionId);
		execution.setVariable(InspectionProcess.VAR_TEAM_DRAWN, outcome.result().drawn());
		execution.setVariable(InspectionProcess.VAR_DRAW_MESSAGE, outcome.result().message());
		execution.setVariable(InspectionProcess.VAR_TEAM_SUMMARY, outcome.summary());
		execution.setVariable(InspectionProcess.VAR_TEAM_LEADER, outcome.result().leader());
	}

	/** The draw itself, for {@link #drawTeam(DelegateExecution)} and tests. */
	@Transactional
	DrawOutcome draw(Long inspectionId) {
		Inspection inspection = inspection(inspectionId);
		TeamDraw.Input input = drawInput(inspection);
		TeamDraw.Result result = TeamDraw.draw(input, this.random);
		int attempt = inspection.getDrawCount() + 1;
		Map<String, Object> record = TeamDraw.record(inspection.getCode(), attempt, this.random.getClass().getName(),
				input, result);
		String recordJson;
		try {
			recordJson = this.json.writeValueAsString(record);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the draw record", ex);
		}
		TeamDrawRecord stored = this.draws.save(new TeamDrawRecord(inspectionId, attempt,
				result.drawn() ? TeamDrawRecord.Outcome.DRAWN : TeamDrawRecord.Outcome.TOO_FEW,
				this.audit.currentActor(), now(), recordJson));
		this.members.deleteByInspectionId(inspectionId);
		String exclusions = result.exclusions()
			.stream()
			.map((e) -> e.userId() + "(" + String.join("/", e.units()) + "):" + e.reason())
			.collect(Collectors.joining(", "));
		String details = cut(
				"team_draw=" + stored.getId() + "; candidates="
						+ result.candidates().stream().map(TeamDraw.Candidate::userId).toList() + "; exclusions=["
						+ exclusions + "]; leaderCandidates=" + result.leaderCandidates() + "; rule=" + TeamDraw.RULE,
				LONG_TEXT);
		String summary;
		if (result.drawn()) {
			this.members.flush();
			this.members.save(new TeamMember(inspectionId, stored.getId(), result.leader(), null, true));
			for (TeamDraw.Pick pick : result.team()) {
				this.members.save(new TeamMember(inspectionId, stored.getId(), pick.userId(), pick.unitCode(), false));
			}
			inspection.teamDrawn(result.leader(), now());
			summary = teamSummary(result);
			this.audit.record(ACTION_TEAM_DRAWN, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId), null,
					cut("attempt=" + attempt + " leader=" + result.leader() + " team="
							+ result.team().stream().map((p) -> p.userId() + "@" + p.unitCode()).toList(), LONG_TEXT),
					details);
		}
		else {
			inspection.drawFailed(now());
			summary = null;
			this.audit.record(ACTION_DRAW_FAILED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId), null,
					cut("attempt=" + attempt + " " + result.message(), LONG_TEXT), details);
			this.notifier.notifyUser(inspection.getPlanner(),
					"检查「" + inspection.getCode() + "」未能抽取检查组：" + result.message(), link(inspection));
		}
		logger.info("Inspection {} draw {}: {}", inspection.getCode(), attempt, result.drawn() ? "drawn" : "too few");
		return new DrawOutcome(stored, result, summary);
	}

	/**
	 * {@code Task_ApprovePlan} completed: approve, redraw or return.
	 * @param inspectionId the inspection
	 * @param value the discipline lead's decision
	 * @return the field work's deadline (18:00 on the last day of the period) when
	 * approved, else {@code null}
	 */
	@Transactional
	public Date decidePlan(Long inspectionId, InspectionProcess.PlanDecision value) {
		Inspection inspection = inspection(inspectionId);
		this.audit.record(ACTION_PLAN_DECIDED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId),
				inspection.getStatus().name(), value.name());
		switch (value) {
			case APPROVE -> {
				inspection.approved(now());
				return Date.from(this.calendar.closeOfBusiness(inspection.getPeriodEnd()).toInstant());
			}
			case RETURN -> {
				inspection.returned(now());
				this.notifier.notifyUser(inspection.getPlanner(), "检查「" + inspection.getCode() + "」的方案被退回，请修改后重新提交。",
						link(inspection));
				return null;
			}
			default -> {
				return null;
			}
		}
	}

	/**
	 * Start listener of {@code SubProcess_FieldWork}: tells the team.
	 * @param inspectionId the inspection
	 */
	@Transactional
	public void fieldWorkStarted(Long inspectionId) {
		Inspection inspection = inspection(inspectionId);
		inspection.fieldWorkStarted(now());
		this.audit.record(ACTION_FIELD_WORK_STARTED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId),
				Inspection.Status.APPROVED.name(), Inspection.Status.FIELD_WORK.name());
		for (TeamMember member : team(inspectionId)) {
			this.notifier.notifyUser(member.getUserId(),
					"您已被抽调参加检查「" + inspection.getCode() + "」" + (member.isTeamLeader() ? "（任组长）" : "")
							+ "，请按方案开展现场检查并记录发现的问题。"
							+ (inspection.getKind() == Inspection.Kind.UNANNOUNCED ? "本次为暗访，检查结束前请勿向任何单位透露。" : ""),
					link(inspection));
		}
	}

	/** Stores one finding of a team member. */
	@Transactional
	Finding recordFinding(Long inspectionId, FindingInput input, String member) {
		Inspection inspection = inspection(inspectionId);
		if (inspection.getStatus() != Inspection.Status.FIELD_WORK) {
			throw Refusal.conflict("检查「" + inspection.getCode() + "」不在现场检查阶段，不能记录问题",
					"inspection " + inspection.getCode() + " is not in the field work");
		}
		int seq = (int) this.findings.countByInspectionId(inspectionId) + 1;
		Finding finding = this.findings.save(new Finding(inspectionId, seq, input.method(), input.place(),
				input.description(), input.unitCode(), input.type(), input.person(), input.category(), member, now()));
		this.audit.record(ACTION_FINDING, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId), null,
				"finding " + seq + " " + input.type() + " unit=" + input.unitCode() + " by " + member);
		return finding;
	}

	/**
	 * {@code Task_EndFieldWork}: every member is done; a 暗访 is disclosed from now on.
	 * @param inspectionId the inspection
	 * @return the findings as text, for the report form
	 */
	@Transactional
	public String fieldWorkEnded(Long inspectionId) {
		Inspection inspection = inspection(inspectionId);
		inspection.fieldWorkEnded(now());
		boolean disclosed = this.secrecy.apply(inspection);
		this.audit.record(ACTION_FIELD_WORK_ENDED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId),
				Inspection.Status.FIELD_WORK.name(), Inspection.Status.REPORTING.name(), "disclosed=" + disclosed);
		this.notifier.notifyUser(inspection.getTeamLeader(), "检查「" + inspection.getCode() + "」现场检查已结束，请汇总检查情况。",
				link(inspection));
		return cut(findingsSummary(inspectionId), LONG_TEXT);
	}

	/**
	 * {@code Task_Report} completed: closes the inspection with the leader's report and
	 * hands every finding over to its {@link FindingSink}.
	 * @param inspectionId the inspection
	 * @param reportSummary the leader's report
	 */
	@Transactional
	public void handOver(Long inspectionId, String reportSummary) {
		Inspection inspection = inspection(inspectionId);
		inspection.close(reportSummary.strip(), now());
		Map<Finding.Type, FindingSink> byType = new EnumMap<>(Finding.Type.class);
		this.sinks.orderedStream().forEach((sink) -> byType.putIfAbsent(sink.type(), sink));
		for (Finding finding : findings(inspectionId)) {
			if (finding.getStatus() == Finding.Status.HANDED_OVER) {
				continue;
			}
			FindingSink sink = byType.get(finding.getType());
			FindingSink.Result result = (sink != null) ? sink.handOver(handOverOf(inspection, finding))
					: FindingSink.Result
						.pending((finding.getType() == Finding.Type.CLUE) ? "问题线索登记功能不可用，待移交" : "没有可接收问题的专项整治，待移交");
			if (result.created()) {
				finding.handedOver(result.ref(), result.id());
			}
			else {
				finding.pending(cut(result.note(), 500));
			}
			this.audit.record(ACTION_FINDING_HANDED_OVER, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId),
					null, "finding " + finding.getSeq() + " " + finding.getType() + " -> "
							+ (result.created() ? result.ref() : "PENDING: " + result.note()));
		}
		this.audit.record(ACTION_CLOSED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId),
				Inspection.Status.REPORTING.name(), Inspection.Status.CLOSED.name());
		this.notifier.notifyUser(inspection.getPlanner(), "检查「" + inspection.getCode() + "」已办结，发现的问题已移交。",
				link(inspection));
	}

	/**
	 * Marks an inspection whose field work is overdue.
	 * @param event the deadline that passed
	 */
	@EventListener
	@Transactional
	public void onDeadlinePassed(DeadlinePassed event) {
		if (!InspectionProcess.KEY.equals(event.processDefinitionKey())) {
			return;
		}
		this.inspections.findByProcessInstanceId(event.processInstanceId()).ifPresent((inspection) -> {
			if (inspection.markOverdue(now())) {
				this.audit.record(ACTION_OVERDUE, InspectionProcess.ITEM_TYPE, String.valueOf(inspection.getId()),
						"false", "true");
			}
		});
	}

	// ------------------------------------------------------------------ helpers

	private TeamDraw.Input drawInput(Inspection inspection) {
		Map<String, List<String>> staff = new LinkedHashMap<>();
		for (Unit unit : this.organisation.activeUnits()) {
			staff.put(unit.getCode(), this.systemAuthority.call(() -> this.organisation.staffOf(unit.getCode())));
		}
		Set<String> leads = new HashSet<>(groupMembers(Roles.DISCIPLINE_LEAD));
		List<String> pool = groupMembers(Roles.DISCIPLINE_GROUP).stream().filter((u) -> !leads.contains(u)).toList();
		Long previous = this.members.previousInspectionId(inspection.getId());
		Set<String> previousTeam = (previous == null) ? Set.of()
				: this.members.findByInspectionIdOrderByIdAsc(previous)
					.stream()
					.map(TeamMember::getUserId)
					.collect(Collectors.toSet());
		return new TeamDraw.Input(Set.copyOf(inspection.targetUnitList()), staff, previousTeam, pool,
				inspection.getTeamSize(), this.minUnitStaff);
	}

	private List<String> groupMembers(String group) {
		return this.systemAuthority.call(() -> this.identityService.createUserQuery()
			.memberOfGroup(group)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map(User::getId)
			.toList());
	}

	private String teamSummary(TeamDraw.Result result) {
		StringBuilder text = new StringBuilder("组长：").append(displayName(result.leader()));
		for (TeamDraw.Pick pick : result.team()) {
			String unitName = this.organisation.findUnit(pick.unitCode()).map(Unit::getName).orElse(pick.unitCode());
			text.append("；组员：").append(displayName(pick.userId())).append("（").append(unitName).append("）");
		}
		return cut(text.toString(), TEXT);
	}

	String displayName(String userId) {
		User user = this.systemAuthority
			.call(() -> this.identityService.createUserQuery().userId(userId).singleResult());
		if (user == null) {
			return userId;
		}
		String name = ((user.getFirstName() != null) ? user.getFirstName() : "")
				+ ((user.getLastName() != null) ? user.getLastName() : "");
		return userId + (name.isBlank() ? "" : " " + name);
	}

	private String unitList() {
		return this.organisation.activeUnits()
			.stream()
			.map((u) -> u.getCode() + "（" + u.getName() + "）")
			.collect(Collectors.joining("、"));
	}

	private String findingsSummary(Long inspectionId) {
		List<Finding> all = findings(inspectionId);
		if (all.isEmpty()) {
			return "现场检查未发现问题。";
		}
		return all.stream()
			.map((f) -> f.getSeq() + ". [" + MethodNames.of(f.getMethod()) + "] " + f.getUnitCode() + " " + f.getPlace()
					+ "：" + f.getDescription() + "（" + (f.getType() == Finding.Type.CLUE ? "问题线索" : "单位问题") + "，"
					+ f.getRecordedBy() + "）")
			.collect(Collectors.joining("\n"));
	}

	private FindingSink.HandOver handOverOf(Inspection inspection, Finding finding) {
		return new FindingSink.HandOver(inspection.getCode(), inspection.getId(), finding.getId(),
				finding.getUnitCode(), finding.getMethod(), finding.getPlace(), finding.getDescription(),
				finding.getSubjectPerson(), finding.getCategoryCode(), finding.getRecordedBy(),
				"/api/attachments?itemType=" + InspectionProcess.ITEM_TYPE + "&itemId=" + inspection.getId());
	}

	private String nextCode() {
		String prefix = "JC-" + now().getYear() + "-";
		String max = this.inspections.maxCodeWithPrefix(prefix);
		int next = (max == null) ? 1 : Integer.parseInt(max.substring(prefix.length())) + 1;
		return prefix + String.format("%03d", next);
	}

	private Inspection inspection(Long id) {
		return this.inspections.findById(id).orElseThrow(() -> Refusal.notFound("检查不存在", "no inspection " + id));
	}

	private Inspection byCode(String code) {
		return this.inspections.findByCode(code).orElseThrow(() -> Refusal.notFound("检查不存在", "no inspection " + code));
	}

	OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toOffsetDateTime();
	}

	LocalDate today() {
		return now().toLocalDate();
	}

	static String link(Inspection inspection) {
		return ItemLinks.inspection(inspection.getId());
	}

	static String cut(String text, int max) {
		if (text == null) {
			return null;
		}
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	static String str(Object value) {
		return (value == null || value.toString().isBlank()) ? null : value.toString().strip();
	}

	static String format(LocalDate date) {
		return (date != null) ? DATE.format(date) : null;
	}

	/** A draw as stored: the record, the result and the team as text. */
	record DrawOutcome(TeamDrawRecord record, TeamDraw.Result result, String summary) {
	}

}
