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
 * The engine's clock in tests, the only place a test touches it. As an extension it is
 * the engine of a test: camunda-bpm-assert bound to the application's engine, and the
 * engine's clock set to the test's start before each test (or left on the real time),
 * moved by the test (timers fire because the test fires them at their due date, never by
 * waiting), and reset after it. Every process test registers one:
 *
 * <pre>
 * &#64;RegisterExtension
 * final EngineClock clock = EngineClock.startingAt(START);
 * </pre>
 *
 * Fixtures that read the engine's time or do a piece of work at another time use the
 * static {@link #now()} and {@link #at(Instant, Answering)}.
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

	/**
	 * @return the extension for tests that start on the real time and may move the clock
	 */
	public static EngineClock realTime() {
		return new EngineClock(null);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
		init(this.engine);
		if (this.start != null) {
			set(this.start);
		}
		else {
			ClockUtil.reset();
		}
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
			.timers()
			.singleResult();
		assertThat(job).as("timer %s of %s", activityId, processInstanceId).isNotNull();
		set(job.getDuedate());
		management.executeJob(job.getId());
		return job;
	}

	/**
	 * @return the engine's time now
	 */
	public static Date now() {
		return ClockUtil.getCurrentTime();
	}

	/**
	 * Does a piece of work with the engine's time set to a moment, and puts the engine
	 * back on the real time afterwards, whatever the work's outcome.
	 * @param <T> what the work answers
	 * @param <E> what the work may throw
	 * @param time the engine's time during the work
	 * @param work the work
	 * @return what the work answered
	 * @throws E what the work threw
	 */
	public static <T, E extends Exception> T at(Instant time, Answering<T, E> work) throws E {
		ClockUtil.setCurrentTime(Date.from(time));
		try {
			return work.call();
		}
		finally {
			ClockUtil.reset();
		}
	}

	/**
	 * Does a piece of work with the engine's time set to a moment, and puts the engine
	 * back on the real time afterwards, whatever the work's outcome.
	 * @param <E> what the work may throw
	 * @param time the engine's time during the work
	 * @param work the work
	 * @throws E what the work threw
	 */
	public static <E extends Exception> void at(Instant time, Work<E> work) throws E {
		EngineClock.<Void, E>at(time, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * A piece of work that answers something.
	 *
	 * @param <T> what it answers
	 * @param <E> what it may throw
	 */
	@FunctionalInterface
	public interface Answering<T, E extends Exception> {

		/**
		 * Does the work.
		 * @return its answer
		 * @throws E what the work threw
		 */
		T call() throws E;

	}

	/**
	 * A piece of work that answers nothing.
	 *
	 * @param <E> what it may throw
	 */
	@FunctionalInterface
	public interface Work<E extends Exception> {

		/**
		 * Does the work.
		 * @throws E what the work threw
		 */
		void run() throws E;

	}

}
