package org.rectifyflow.dashboard.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.inspection.InspectionProcess;

import org.springframework.stereotype.Component;

/**
 * The 督办 tasks themselves ({@code Task_Supervise} of the escalation process): due when
 * created, so every open one is late by the working days since. The reference is the
 * business key of the item supervised; {@link SupervisionFigures} gives the task that
 * item's link and confidentiality. Read from the engine.
 */
@Component
class SupervisionTaskSource implements ItemSource {

	static final String KIND = "supervision";

	/** Processes whose items are confidential while no item tells otherwise. */
	static final Set<String> CONFIDENTIAL_PROCESSES = Set.of(ClueProcess.KEY, InspectionProcess.KEY);

	private final OpenTasks openTasks;

	SupervisionTaskSource(OpenTasks openTasks) {
		this.openTasks = openTasks;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "督办任务";
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public List<TrackedItem> openItems(Campaign campaign) {
		List<Task> tasks = this.openTasks.supervisions();
		List<String> ladders = tasks.stream().map(Task::getProcessInstanceId).toList();
		Map<String, String> keys = this.openTasks.businessKeys(ladders);
		Map<String, String> overdueProcesses = this.openTasks.callerKeys(ladders);
		return tasks.stream().map((t) -> {
			String parent = overdueProcesses.get(t.getProcessInstanceId());
			// No deadline of its own: the task's due date (its creation) counts, as for
			// any item.
			return new TrackedItem(KIND, keys.getOrDefault(t.getProcessInstanceId(), t.getId()), null, true, null,
					t.getName(), null, t.getProcessInstanceId(),
					(parent != null && CONFIDENTIAL_PROCESSES.contains(parent)));
		}).toList();
	}

}
