package org.rectifyflow.testsupport;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

/**
 * The engine of a process test: camunda-bpm-assert bound to the application's engine, and
 * the engine's clock set to the test's start before each test, moved by the test (timers
 * fire because the test fires them at their due date, never by waiting), and reset after
 * it. Every process test registers one:
 *
 * <pre>
 * &#64;RegisterExtension
 * final EngineClock clock = EngineClock.startingAt(START);
 * </pre>
 */
public final class EngineClock implements BeforeEachCallback, AfterEachCallback {

	private final Instant start;

	private ProcessEngine engine;

	private EngineClock(Instant start) {
		this.start = start;
	}

	/**
	 * @param start the engine's time when each test starts
	 * @return the extension
	 */
	public static EngineClock startingAt(Instant start) {
		return new EngineClock(start);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
		init(this.engine);
		set(this.start);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ClockUtil.reset();
		reset();
	}

	/**
	 * Sets the engine's time.
	 * @param now the new time
	 */
	public void set(Instant now) {
		ClockUtil.setCurrentTime(Date.from(now));
	}

	/**
	 * Sets the engine's time.
	 * @param now the new time
	 */
	public void set(Date now) {
		ClockUtil.setCurrentTime(now);
	}

	/**
	 * Moves the engine's time to the due date of the one timer waiting at an activity of
	 * a process instance and executes it.
	 * @param processInstanceId the process instance
	 * @param activityId the timer event
	 * @return the timer's job, as it was before it fired
	 */
	public Job fire(String processInstanceId, String activityId) {
		ManagementService management = this.engine.getManagementService();
		Job job = management.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.singleResult();
		assertThat(job).as("timer %s of %s", activityId, processInstanceId).isNotNull();
		set(job.getDuedate());
		management.executeJob(job.getId());
		return job;
	}

}
