package org.rectifyflow.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the index that job acquisition needs, once the engine has built its schema.
 * <p>
 * With {@code jobExecutorPreferTimerJobs} and {@code jobExecutorAcquireByDueDate} on,
 * every acquisition of every node runs
 * {@code select ... from ACT_RU_JOB where RETRIES_ > 0 and DUEDATE_ <= now ... order by TYPE_ desc, DUEDATE_ asc limit n}.
 * Camunda's own schema has no index on {@code DUEDATE_} or {@code TYPE_}, so without this
 * one each acquisition sorts every job row. The index is created here, not in a Flyway
 * migration, because {@code ACT_RU_JOB} is Camunda's: on a fresh database Flyway may run
 * before the engine has created the table, and a migration cannot be made conditional on
 * a table's existence in SQL that both H2 and PostgreSQL accept. {@code if not exists}
 * makes the statement idempotent on every start; when two nodes start at once and one
 * loses the race, it logs and carries on. Operators who manage the schema themselves
 * create the same index (docs/cluster.md) and may switch this off with
 * {@code rectify.cluster.job-acquisition-index=false}.
 */
@Component
@ConditionalOnProperty(name = "rectify.cluster.job-acquisition-index", havingValue = "true", matchIfMissing = true)
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

	static final String INDEX_NAME = "ACT_IDX_RF_JOB_ACQUISITION";

	private static final Logger logger = LoggerFactory.getLogger(JobAcquisitionIndex.class);

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
		String sql = createStatement(this.tablePrefix);
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			logger.info("Job acquisition index {} is in place", INDEX_NAME);
		}
		catch (SQLException ex) {
			logger.warn(
					"Could not create the job acquisition index ({}); acquisition works without it, only slower: {}",
					sql, ex.toString());
		}
	}

	static String createStatement(String tablePrefix) {
		return "create index if not exists " + INDEX_NAME + " on " + tablePrefix
				+ "ACT_RU_JOB (TYPE_ desc, DUEDATE_ asc)";
	}

}
