package org.rectifyflow.inspection.internal;

import java.util.List;

import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.ProcessOperations;

import org.springframework.stereotype.Component;

/**
 * Moves an inspection back with its process when 退回 or 撤回 takes the process to
 * {@code Task_Plan}: the plan awaiting approval is returned to its planner, as the
 * approver's 退回修改 would (the team is drawn again on resubmission). Once approved, field
 * work has started and the inspection does not go back.
 */
@Component
class InspectionOperations implements ProcessOperations {

	private final InspectionRepository inspections;

	private final InspectionService service;

	InspectionOperations(InspectionRepository inspections, InspectionService service) {
		this.inspections = inspections;
		this.service = service;
	}

	@Override
	public String processKey() {
		return InspectionProcess.KEY;
	}

	@Override
	public void movedBack(MoveBack move) {
		Inspection inspection = this.inspections.findByProcessInstanceId(move.processInstanceId())
			.orElseThrow(() -> Refusal.notFound("本流程没有对应的检查。", "No inspection for " + move.processInstanceId()));
		if (!InspectionProcess.TASK_PLAN.equals(move.toTaskKey())
				|| !move.fromTaskKeys().equals(List.of(InspectionProcess.TASK_APPROVE_PLAN))) {
			throw Refusal.conflict("检查方案已审批，不能退回或撤回。",
					"The inspection goes back only from " + InspectionProcess.TASK_APPROVE_PLAN);
		}
		this.service.decidePlan(inspection.getId(), InspectionProcess.PlanDecision.RETURN);
	}

}
