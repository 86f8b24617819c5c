package org.rectifyflow.inspection.internal;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.inspection.InspectionRegister;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Task_DrawTeam}: draws an inspection's team by the rules of {@link TeamDraw},
 * keeps the full record of every draw (table {@code team_draw}) and the team, and audits
 * each attempt.
 */
@Service
public class TeamDrawing {

	static final String ACTION_TEAM_DRAWN = "INSPECTION_TEAM_DRAWN";

	public static final String ACTION_DRAW_FAILED = "INSPECTION_TEAM_DRAW_FAILED";

	private static final Logger logger = LoggerFactory.getLogger(TeamDrawing.class);

	private final InspectionRepository inspections;

	private final TeamDrawRecordRepository draws;

	private final TeamMemberRepository members;

	private final InspectionRegister register;

	private final OrganisationService organisation;

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	private final AuditService audit;

	private final Notifier notifier;

	private final WorkingDayCalendar calendar;

	private final ObjectMapper json;

	private final int minUnitStaff;

	private Random random = new SecureRandom();

	TeamDrawing(InspectionRepository inspections, TeamDrawRecordRepository draws, TeamMemberRepository members,
			InspectionRegister register, OrganisationService organisation, IdentityService identityService,
			SystemAuthority systemAuthority, AuditService audit, Notifier notifier, WorkingDayCalendar calendar,
			ObjectMapper json, @Value("${rectify.inspection.min-unit-staff:2}") int minUnitStaff) {
		this.inspections = inspections;
		this.draws = draws;
		this.members = members;
		this.register = register;
		this.organisation = organisation;
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
		this.audit = audit;
		this.notifier = notifier;
		this.calendar = calendar;
		this.json = json;
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

	/**
	 * {@code Task_DrawTeam}: draws the team and sets {@code teamDrawn},
	 * {@code drawMessage}, {@code teamSummary}, {@code teamLeader}.
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
		Inspection inspection = this.inspections.findById(inspectionId)
			.orElseThrow(() -> Refusal.notFound("检查不存在", "no inspection " + inspectionId));
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
		String details = InspectionService.cut(
				"team_draw=" + stored.getId() + "; candidates="
						+ result.candidates().stream().map(TeamDraw.Candidate::userId).toList() + "; exclusions=["
						+ exclusions + "]; leaderCandidates=" + result.leaderCandidates() + "; rule=" + TeamDraw.RULE,
				InspectionService.LONG_TEXT);
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
					InspectionService.cut(
							"attempt=" + attempt + " leader=" + result.leader() + " team="
									+ result.team().stream().map((p) -> p.userId() + "@" + p.unitCode()).toList(),
							InspectionService.LONG_TEXT),
					details);
		}
		else {
			inspection.drawFailed(now());
			summary = null;
			this.audit.record(ACTION_DRAW_FAILED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId), null,
					InspectionService.cut("attempt=" + attempt + " " + result.message(), InspectionService.LONG_TEXT),
					details);
			this.notifier.notifyUser(inspection.getPlanner(),
					"检查「" + inspection.getCode() + "」未能抽取检查组：" + result.message(), InspectionService.link(inspection));
		}
		logger.info("Inspection {} draw {}: {}", inspection.getCode(), attempt, result.drawn() ? "drawn" : "too few");
		return new DrawOutcome(stored, result, summary);
	}

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
		StringBuilder text = new StringBuilder("组长：").append(this.organisation.personLabel(result.leader()));
		for (TeamDraw.Pick pick : result.team()) {
			text.append("；组员：").append(this.organisation.personLabel(pick.userId()));
		}
		return InspectionService.cut(text.toString(), InspectionService.TEXT);
	}

	private OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toOffsetDateTime();
	}

	/** A draw as stored: the record, the result and the team as text. */
	record DrawOutcome(TeamDrawRecord record, TeamDraw.Result result, String summary) {
	}

}
