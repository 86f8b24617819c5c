package org.rectifyflow.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Adds to Camunda's schema what its hottest queries need, once the engine has built the
 * schema.
 * <ul>
 * <li>Job acquisition. With {@code jobExecutorPreferTimerJobs} and
 * {@code jobExecutorAcquireByDueDate} on, every acquisition of every node runs
 * {@code select ... from ACT_RU_JOB where RETRIES_ > 0 and DUEDATE_ <= now ... order by TYPE_ desc, DUEDATE_ asc limit n};
 * Camunda has no index on {@code DUEDATE_} or {@code TYPE_}, so each acquisition would
 * sort every job row.</li>
 * <li>Completing a task. Every completion or deletion of a task looks for its subtasks
 * ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}); Camunda indexes that
 * column on SQL Server only, so elsewhere each completion reads every open task. On
 * PostgreSQL the index holds only the tasks that have a parent (in rectify-flow none), so
 * it costs a task's insert nothing.</li>
 * <li>A handler's task list. Tasklist's filters ask for the first page ordered by due
 * date and creation time; with an index in that order the database reads the tasks in
 * page order and stops after the page, instead of sorting every candidate task.</li>
 * <li>On PostgreSQL 14 or newer, statistics on the permission bits that every authorized
 * query tests ({@code PERMS_ & 2}: READ, {@code PERMS_ & 64}: READ_TASK). Without them
 * the planner guesses that a user holds a handful of authorizations when a unit holds one
 * per open task, and picks plans that compare every task with every authorization.</li>
 * </ul>
 * They are created here, not in a Flyway migration, because the tables are Camunda's: on
 * a fresh database Flyway may run before the engine has created them, and a migration
 * cannot be made conditional on a table's existence in SQL that both H2 and PostgreSQL
 * accept. {@code if not exists} makes each statement idempotent on every start; when two
 * nodes start at once and one loses the race, it logs and carries on. Operators who
 * manage the schema themselves run the same statements (docs/cluster.md) and may switch
 * this off with {@code rectify.cluster.engine-indexes=false}.
 */
@Component
@ConditionalOnProperty(name = "rectify.cluster.engine-indexes", havingValue = "true", matchIfMissing = true)
public class EngineIndexes extends AbstractProcessEnginePlugin {

	static final String JOB_ACQUISITION_INDEX = "ACT_IDX_RF_JOB_ACQUISITION";

	static final String TASK_DUE_INDEX = "ACT_IDX_RF_TASK_DUE_CREATE";

	static final String SUBTASK_INDEX = "ACT_IDX_RF_TASK_PARENT";

	static final String PERMISSION_STATISTICS = "ACT_STAT_RF_AUTH_PERMS";

	private static final Logger logger = LoggerFactory.getLogger(EngineIndexes.class);

	private DataSource dataSource;

	private String tablePrefix = "";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		this.tablePrefix = (configuration.getDatabaseTablePrefix() != null) ? configuration.getDatabaseTablePrefix()
				: "";
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		this.dataSource = configuration.getDataSource();
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		try (Connection connection = this.dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			int major = connection.getMetaData().getDatabaseMajorVersion();
			for (String sql : statements(this.tablePrefix, product, major)) {
				execute(connection, sql);
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not reach the database to add the engine indexes: {}", ex.toString());
		}
	}

	private void execute(Connection connection, String sql) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			logger.info("In place: {}", sql);
		}
		catch (SQLException ex) {
			logger.warn("Could not run \"{}\"; the engine works without it, only slower: {}", sql, ex.toString());
			try {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
			}
			catch (SQLException rollback) {
				logger.debug("Rollback failed", rollback);
			}
		}
	}

	/**
	 * The statements for a database.
	 * @param tablePrefix Camunda's table prefix
	 * @param product the JDBC database product name
	 * @param majorVersion the database's major version
	 * @return the statements to run, in order
	 */
	static List<String> statements(String tablePrefix, String product, int majorVersion) {
		List<String> statements = new ArrayList<>();
		statements.add("create index if not exists " + JOB_ACQUISITION_INDEX + " on " + tablePrefix
				+ "ACT_RU_JOB (TYPE_ desc, DUEDATE_ asc)");
		statements
			.add("create index if not exists " + SUBTASK_INDEX + " on " + tablePrefix + "ACT_RU_TASK (PARENT_TASK_ID_)"
					+ (isPostgreSql(product) ? " where PARENT_TASK_ID_ is not null" : ""));
		statements.addAll(taskListStatements(tablePrefix, product, majorVersion));
		return statements;
	}

	/**
	 * The part of {@link #statements} that serves the task list: the due-date index and,
	 * on PostgreSQL 14 or newer, the permission statistics.
	 * @param tablePrefix Camunda's table prefix
	 * @param product the JDBC database product name
	 * @param majorVersion the database's major version
	 * @return the statements to run, in order
	 */
	public static List<String> taskListStatements(String tablePrefix, String product, int majorVersion) {
		List<String> statements = new ArrayList<>();
		statements.add("create index if not exists " + TASK_DUE_INDEX + " on " + tablePrefix
				+ "ACT_RU_TASK (DUE_DATE_, CREATE_TIME_)");
		if (hasExpressionStatistics(product, majorVersion)) {
			String table = tablePrefix + "ACT_RU_AUTHORIZATION";
			statements.add(
					"create statistics if not exists " + PERMISSION_STATISTICS + "_READ on (PERMS_ & 2) from " + table);
			statements.add("create statistics if not exists " + PERMISSION_STATISTICS
					+ "_READ_TASK on (PERMS_ & 64) from " + table);
		}
		return statements;
	}

	/**
	 * What undoes {@link #taskListStatements}, to compare with Camunda's own schema.
	 * @param product the JDBC database product name
	 * @param majorVersion the database's major version
	 * @return the statements to run, in order
	 */
	public static List<String> dropTaskListStatements(String product, int majorVersion) {
		List<String> statements = new ArrayList<>();
		statements.add("drop index if exists " + TASK_DUE_INDEX);
		if (hasExpressionStatistics(product, majorVersion)) {
			statements.add("drop statistics if exists " + PERMISSION_STATISTICS + "_READ, " + PERMISSION_STATISTICS
					+ "_READ_TASK");
		}
		return statements;
	}

	private static boolean hasExpressionStatistics(String product, int majorVersion) {
		return isPostgreSql(product) && majorVersion >= 14;
	}

	private static boolean isPostgreSql(String product) {
		return "PostgreSQL".equals(product);
	}

}
