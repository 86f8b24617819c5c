package org.rectifyflow.inspection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.inspection.internal.InspectionRepository;
import org.rectifyflow.testsupport.ProcessFixture;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection process in the operations matrix: a 暗访 (unannounced, confidential until
 * its field work ends) of u1 and u2 by a team of two, planned from tomorrow for three
 * weeks of the engine clock; the inspection's status follows its task. 现场检查 has one task
 * per team member.
 */
@Component
public class InspectionFixture implements ProcessFixture {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Map<String, Inspection.Status> STATUS_AT = Map.of(InspectionProcess.TASK_PLAN,
			Inspection.Status.PLANNING, InspectionProcess.TASK_APPROVE_PLAN, Inspection.Status.DRAWN,
			InspectionProcess.TASK_FIELD_WORK, Inspection.Status.FIELD_WORK, InspectionProcess.TASK_REPORT,
			Inspection.Status.REPORTING);

	private static final List<String> ORDER = List.of(InspectionProcess.TASK_PLAN, InspectionProcess.TASK_APPROVE_PLAN,
			InspectionProcess.TASK_FIELD_WORK, InspectionProcess.TASK_REPORT);

	private final InspectionDriver driver;

	private final InspectionRepository inspections;

	private final InspectionRegister register;

	private final TaskService taskService;

	private final IdentityService identityService;

	InspectionFixture(InspectionDriver driver, InspectionRepository inspections, InspectionRegister register,
			TaskService taskService, IdentityService identityService) {
		this.driver = driver;
		this.inspections = inspections;
		this.register = register;
		this.taskService = taskService;
		this.identityService = identityService;
	}

	@Override
	public String processKey() {
		return InspectionProcess.KEY;
	}

	@Override
	public String reach(String taskKey) {
		Inspection inspection = this.driver.start();
		for (String step : ORDER.subList(0, ORDER.indexOf(taskKey))) {
			for (Task task : this.driver.tasks(inspection, step)) {
				this.taskService.complete(task.getId(), completion(task));
			}
		}
		return inspection.getProcessInstanceId();
	}

	@Override
	public Map<String, Object> completion(Task task) {
		LocalDate today = LocalDate.ofInstant(EngineClock.now().toInstant(), SHANGHAI);
		return switch (task.getTaskDefinitionKey()) {
			case InspectionProcess.TASK_PLAN -> Map.of(InspectionProcess.VAR_KIND, Inspection.Kind.UNANNOUNCED.name(),
					InspectionProcess.VAR_TITLE, "农牧业惠农政策落实情况检查", InspectionProcess.VAR_TARGET_UNITS, "u1,u2",
					InspectionProcess.VAR_PLACES, "XX镇、嘎查村、田间地头", InspectionProcess.VAR_PERIOD_START,
					today.plusDays(1).toString(), InspectionProcess.VAR_PERIOD_END, today.plusDays(21).toString(),
					InspectionProcess.VAR_TEAM_SIZE, 2L, InspectionProcess.VAR_FOCUS, "C3 落实工作不实");
			case InspectionProcess.TASK_APPROVE_PLAN -> Map.of(InspectionProcess.VAR_PLAN_DECISION,
					InspectionProcess.PlanDecision.APPROVE.name(), InspectionProcess.VAR_OPINION, "同意");
			case InspectionProcess.TASK_FIELD_WORK -> Map.of(InspectionProcess.VAR_FIELD_ACTION, "DONE");
			case InspectionProcess.TASK_REPORT -> Map.of(InspectionProcess.VAR_REPORT_SUMMARY, "检查未发现问题。");
			default -> throw new IllegalArgumentException(task.getTaskDefinitionKey());
		};
	}

	@Override
	public void assertConsistent(String processInstanceId) {
		Inspection inspection = this.inspections.findByProcessInstanceId(processInstanceId).orElseThrow();
		List<Task> open = this.taskService.createTaskQuery().processInstanceId(processInstanceId).list();
		if (open.isEmpty()) {
			assertThat(inspection.getStatus()).as(inspection.getCode() + " with no task")
				.isEqualTo(Inspection.Status.CLOSED);
			return;
		}
		for (Task task : open) {
			assertThat(inspection.getStatus()).as(inspection.getCode() + " at " + task.getTaskDefinitionKey())
				.isEqualTo(STATUS_AT.get(task.getTaskDefinitionKey()));
		}
	}

	/**
	 * Until its field work ends a 暗访 is known only to the discipline group, its leader
	 * and the team drawn: nobody else may be offered an operation on it.
	 */
	@Override
	public boolean mayBeOffered(String processInstanceId, String userId) {
		Inspection inspection = this.inspections.findByProcessInstanceId(processInstanceId).orElseThrow();
		if (inspection.getKind() != Inspection.Kind.UNANNOUNCED || inspection.isDisclosed()) {
			return true;
		}
		boolean insider = this.identityService.createUserQuery()
			.userId(userId)
			.memberOfGroup(Roles.DISCIPLINE_GROUP)
			.count()
				+ this.identityService.createUserQuery()
					.userId(userId)
					.memberOfGroup(Roles.DISCIPLINE_LEAD)
					.count() > 0;
		return insider || this.register.team(inspection.getId())
			.stream()
			.anyMatch((member) -> member.getUserId().equals(userId));
	}

}
