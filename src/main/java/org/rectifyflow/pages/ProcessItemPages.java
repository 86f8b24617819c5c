package org.rectifyflow.pages;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.CopyReaders;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /items/process/{processInstanceId}} leads to the page of the item a process
 * instance works on (running or ended); the item's page decides whether the reader may
 * see it. A process without an item of its own (限期办理) is shown here: its name, its steps
 * and who held them, by name, to those who took part in it, were sent a copy of one of
 * its tasks, or supervise.
 */
@ItemPage
class ProcessItemPages {

	static final String ITEM_TYPE = "process-instance";

	private final HistoryService history;

	private final SystemAuthority system;

	private final List<ProcessItems> features;

	private final Membership membership;

	private final CopyReaders copies;

	ProcessItemPages(HistoryService history, SystemAuthority system, List<ProcessItems> features, Membership membership,
			CopyReaders copies) {
		this.history = history;
		this.system = system;
		this.features = features;
		this.membership = membership;
		this.copies = copies;
	}

	@GetMapping("/items/process/{processInstanceId}")
	String item(@PathVariable String processInstanceId, Principal principal, Model model) {
		HistoricProcessInstance instance = this.system.call(() -> this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult());
		if (instance == null) {
			throw Refusal.notFound("事项不存在", "no item for process instance " + processInstanceId);
		}
		Optional<ProcessItems> feature = this.features.stream()
			.filter((f) -> f.processKey().equals(instance.getProcessDefinitionKey()))
			.findFirst();
		if (feature.isPresent()) {
			return feature.flatMap((f) -> Optional.ofNullable(instance.getBusinessKey()).flatMap(f::link))
				.map((link) -> "redirect:" + link)
				.orElseThrow(() -> Refusal.notFound("事项不存在", "no item for process instance " + processInstanceId));
		}
		if (!mayRead(principal.getName(), instance.getId())) {
			throw Refusal.notFound("事项不存在", "no item for process instance " + processInstanceId);
		}
		List<HistoricTaskInstance> tasks = this.system.call(() -> this.history.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list());
		model.addAttribute("processName",
				(instance.getProcessDefinitionName() != null) ? instance.getProcessDefinitionName() : "办理事项");
		model.addAttribute("code", instance.getBusinessKey());
		model.addAttribute("ended", instance.getEndTime() != null);
		model.addAttribute("startedAt", at(instance.getStartTime()));
		model.addAttribute("endedAt", at(instance.getEndTime()));
		model.addAttribute("steps",
				tasks.stream()
					.map((t) -> new Step(t.getName(), t.getAssignee(), at(t.getStartTime()), at(t.getEndTime()),
							at(t.getDueDate()), t.getEndTime() == null, "completed".equals(t.getDeleteReason())))
					.toList());
		return "items/process";
	}

	/**
	 * Whoever took part in the process or was offered one of its tasks (as a candidate,
	 * also through a group), was sent a copy of one of its tasks, or supervises.
	 */
	private boolean mayRead(String userId, String processInstanceId) {
		Membership.Member member = this.membership.of(userId);
		if (member.isAdmin() || member.isIn(Roles.SUPERVISORS)) {
			return true;
		}
		boolean involved = this.system.call(() -> this.history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskInvolvedUser(userId)
			.count() > 0
				|| this.history.createHistoricTaskInstanceQuery()
					.processInstanceId(processInstanceId)
					.taskAssignee(userId)
					.count() > 0);
		boolean offered = involved || this.system.call(() -> this.history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskHadCandidateUser(userId)
			.count() > 0
				|| member.groups()
					.stream()
					.anyMatch((group) -> this.history.createHistoricTaskInstanceQuery()
						.processInstanceId(processInstanceId)
						.taskHadCandidateGroup(group)
						.count() > 0));
		return offered || this.copies.admits(userId, processInstanceId, ITEM_TYPE, processInstanceId);
	}

	private static OffsetDateTime at(Date date) {
		return (date != null) ? OffsetDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault()) : null;
	}

	/**
	 * One step of a process as its page shows it.
	 *
	 * @param name the task's name
	 * @param assignee who held it
	 * @param startedAt when it began
	 * @param endedAt when it ended, {@code null} while open
	 * @param due its deadline, may be {@code null}
	 * @param open whether it is still open
	 * @param completed whether it was completed (not cancelled, returned or withdrawn)
	 */
	record Step(String name, String assignee, OffsetDateTime startedAt, OffsetDateTime endedAt, OffsetDateTime due,
			boolean open, boolean completed) {
	}

}
