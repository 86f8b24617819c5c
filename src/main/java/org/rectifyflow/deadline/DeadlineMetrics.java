package org.rectifyflow.deadline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Escalation figures for Prometheus: {@code rectify_escalations_total} (by process and
 * level, counted when the escalation commits) and
 * {@code rectify_supervision_notices_open} (open 督办单 by process).
 */
@Component
class DeadlineMetrics implements MeterBinder {

	private final SupervisionNoticeRepository notices;

	private final EscalationProperties escalation;

	private MeterRegistry registry;

	DeadlineMetrics(SupervisionNoticeRepository notices, EscalationProperties escalation) {
		this.notices = notices;
		this.escalation = escalation;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		for (String processKey : this.escalation.getChains().keySet()) {
			Gauge
				.builder("rectify.supervision.notices.open",
						() -> this.notices.countByProcessDefinitionKeyAndStatus(processKey,
								SupervisionNotice.Status.OPEN))
				.description("Open supervision notices (督办单)")
				.tag("process", processKey)
				.register(registry);
		}
	}

	@EventListener
	void onDeadlinePassed(DeadlinePassed event) {
		if (this.registry == null) {
			return;
		}
		Counter counter = Counter.builder("rectify.escalations")
			.description("Escalations raised when a deadline passed")
			.tag("process", event.processDefinitionKey())
			.tag("level", String.valueOf(event.level()))
			.register(this.registry);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					counter.increment();
				}
			});
		}
		else {
			counter.increment();
		}
	}

}
