package org.rectifyflow.cluster;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, a started node has what Camunda's hottest queries need: the job
 * acquisition, subtask and task list indexes, the permission statistics, connections that
 * plan every statement for its values without JIT, and process-only task queries.
 */
@PostgresIntegrationTest
class EngineIndexesIT {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ProcessEngine engine;

	@Test
	void shouldCreateTheIndexesAndStatisticsOnStart() {
		List<String> indexes = this.jdbc.queryForList(
				"select indexdef from pg_indexes where indexname in ('act_idx_rf_job_acquisition', 'act_idx_rf_task_due_create',"
						+ " 'act_idx_rf_task_parent') order by indexname",
				String.class);
		assertThat(indexes).hasSize(3);
		assertThat(indexes.get(0)).contains("act_ru_job").contains("type_ DESC, duedate_");
		assertThat(indexes.get(1)).contains("act_ru_task").contains("due_date_, create_time_");
		assertThat(indexes.get(2)).contains("act_ru_task")
			.contains("(parent_task_id_)")
			.contains("WHERE (parent_task_id_ IS NOT NULL)");
		assertThat(this.jdbc.queryForList(
				"select stxname from pg_statistic_ext where stxname like 'act_stat_rf_auth_perms%' order by stxname",
				String.class))
			.containsExactly("act_stat_rf_auth_perms_read", "act_stat_rf_auth_perms_read_task");
	}

	/**
	 * The engine's own lookup of a task's subtasks, prepared as the JDBC driver prepares
	 * it and planned without knowing the value, can use the partial index: a lookup by a
	 * value implies a value that is not null. With sequential scans priced out, the plan
	 * shows whether the index applies, whatever the table's size.
	 */
	@Test
	void shouldFindATasksSubtasksThroughTheIndex() {
		String plan = this.jdbc.execute((ConnectionCallback<String>) (connection) -> {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set local enable_seqscan = off");
				statement.execute("set local plan_cache_mode = force_generic_plan");
				statement.execute("prepare subtasks(varchar) as select * from ACT_RU_TASK where PARENT_TASK_ID_ = $1");
				List<String> lines = new ArrayList<>();
				try (ResultSet rows = statement.executeQuery("explain execute subtasks('a-task-id')")) {
					while (rows.next()) {
						lines.add(rows.getString(1));
					}
				}
				statement.execute("deallocate subtasks");
				return String.join("\n", lines);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		});
		assertThat(plan).contains("act_idx_rf_task_parent").contains("$1");
	}

	@Test
	void shouldPlanEveryStatementForItsValues() {
		assertThat(this.jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
		assertThat(this.jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
	}

	@Test
	void shouldQueryProcessTasksOnly() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(configuration.isStandaloneTasksEnabled()).isFalse();
		assertThat(configuration.isCmmnEnabled()).isFalse();
	}

	@Test
	void shouldRunEachStatementAgainWithoutFailing() {
		String product = "PostgreSQL";
		int major = this.jdbc.queryForObject("show server_version_num", Integer.class) / 10000;
		EngineIndexes.statements("", product, major).forEach(this.jdbc::execute);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pg_indexes where indexname = 'act_idx_rf_task_due_create'", Integer.class))
			.isEqualTo(1);
	}

}
