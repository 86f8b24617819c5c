package org.rectifyflow.task;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskQueryDifferential} on H2, with Camunda's defaults: CMMN and standalone tasks
 * enabled, so the engine joins process definitions and grants with left joins and also
 * finds tasks without a process. (The application's own configuration on PostgreSQL is
 * compared by {@code TaskQueryStatementsIT}.)
 */
class TaskQueryDifferentialTest {

	@Test
	void shouldFindTheSameTasksAsTheEngineStatements() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		String name = "taskquery" + UUID.randomUUID().toString().replace("-", "");
		configuration.setProcessEngineName(name);
		configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		configuration.setDatabaseSchemaUpdate("create-drop");
		configuration.setHistory("none");
		configuration.setAuthorizationEnabled(true);
		configuration.setJobExecutorActivate(false);
		configuration.setProcessEnginePlugins(List.of(new TaskQueryStatements()));
		ProcessEngine engine = configuration.buildProcessEngine();
		try {
			new TaskQueryDifferential(engine, "dq").run(10, 6, 120, 30);
		}
		finally {
			engine.close();
		}
	}

}
