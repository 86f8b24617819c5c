package org.rectifyflow.task;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, as the application configures the engine (authorization on, process
 * tasks only), the task query runs the statements of {@link TaskQueryStatements}, and
 * they find the same tasks in the same order as Camunda's own, also through Tasklist's
 * stored filters.
 */
@PostgresIntegrationTest
class TaskQueryStatementsIT {

	@Autowired
	private ProcessEngine engine;

	@Test
	void shouldFindTheSameTasksAsTheEngineStatements() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(TaskQueryStatements.inUse(configuration)).isTrue();
		List<Filter> filters = this.engine.getFilterService()
			.createFilterQuery()
			.filterNameLike("%")
			.list()
			.stream()
			.filter((filter) -> List
				.of(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS, TasklistFilters.DUE_SOON,
						TasklistFilters.OVERDUE, TasklistFilters.SUPERVISION)
				.contains(filter.getName()))
			.toList();
		assertThat(filters).hasSize(5);
		new TaskQueryDifferential(this.engine, "dq").withFilters(filters).run(8, 5, 100, 0);
	}

}
