package org.rectifyflow.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Several cached application contexts live in one test JVM, each with its own engine
 * named "default". Camunda's webapps and engine REST API find "their" engine in the
 * static {@link ProcessEngines} registry, where the engine built last wins. Before each
 * test this listener registers the engine of the test's own context again, so HTTP calls
 * reach the database the test works with.
 */
public class ProcessEngineRegistration extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		testContext.getApplicationContext()
			.getBeanProvider(ProcessEngine.class)
			.ifAvailable(ProcessEngines::registerProcessEngine);
	}

}
