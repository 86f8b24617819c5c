package org.rectifyflow.pages;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.kernel.Refusal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /items/process/{processInstanceId}} leads to the page of the item a process
 * instance works on (running or ended); the item's page decides whether the reader may
 * see it.
 */
@ItemPage
class ProcessItemPages {

	private final HistoryService history;

	private final SystemAuthority system;

	private final List<ProcessItems> features;

	ProcessItemPages(HistoryService history, SystemAuthority system, List<ProcessItems> features) {
		this.history = history;
		this.system = system;
		this.features = features;
	}

	@GetMapping("/items/process/{processInstanceId}")
	String item(@PathVariable String processInstanceId) {
		HistoricProcessInstance instance = this.system.call(() -> this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult());
		if (instance == null || instance.getBusinessKey() == null) {
			throw Refusal.notFound("事项不存在", "no item for process instance " + processInstanceId);
		}
		return this.features.stream()
			.filter((f) -> f.processKey().equals(instance.getProcessDefinitionKey()))
			.findFirst()
			.flatMap((f) -> f.link(instance.getBusinessKey()))
			.map((link) -> "redirect:" + link)
			.orElseThrow(() -> Refusal.notFound("事项不存在", "no item for process instance " + processInstanceId));
	}

}
