package org.rectifyflow.deadline;

import java.util.Date;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.RectifyFlowTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalations show up in the metrics when they commit.
 */
@RectifyFlowTest
class DeadlineMetricsTest {

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	MeterRegistry registry;

	@RegisterExtension
	final EngineClock clock = EngineClock.realTime();

	@Test
	void shouldCountEscalationsAndOpenNotices() {
		double before = escalations();
		ProcessInstance work = this.runtimeService.startProcessInstanceByKey(DeadlineTemplateProcess.KEY,
				"METRICS-" + System.nanoTime(), Map.of(DeadlinePattern.VAR_DEADLINE_WORKING_DAYS, 1));
		Job deadline = this.managementService.createJobQuery()
			.processInstanceId(work.getId())
			.activityId(DeadlinePattern.TIMER_DEADLINE_PASSED)
			.singleResult();
		this.clock.set(new Date(deadline.getDuedate().getTime() + 1000));

		this.managementService.executeJob(deadline.getId());

		assertThat(escalations()).isEqualTo(before + 1);
		assertThat(this.registry.get("rectify.supervision.notices.open")
			.tag("process", DeadlineTemplateProcess.KEY)
			.gauge()
			.value()).isGreaterThanOrEqualTo(1);
		this.runtimeService.deleteProcessInstance(work.getId(), "test finished");
	}

	private double escalations() {
		Counter counter = this.registry.find("rectify.escalations")
			.tag("process", DeadlineTemplateProcess.KEY)
			.tag("level", "1")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
