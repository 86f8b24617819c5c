package org.rectifyflow.task;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the engine's task query (list and count: the Java API, the engine REST API and
 * Tasklist's filters) with its authorization check written as semi-joins.
 * <p>
 * Camunda joins a user's grants to the tasks by
 * {@code AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')}. Every candidate group holds one
 * grant per task, so for a unit with n open tasks the join compares n tasks with n grants
 * (PostgreSQL cannot hash an {@code in} list of columns) and then removes the duplicates
 * again. {@code task-query.xml} holds the engine's statements with the join replaced by
 * one {@code exists} per kind of grant (the task, the process definition key, every
 * resource): the same tasks in the same order, each tested once. The engine's statement
 * ids are mapped to these through the engine's own statement mappings
 * ({@link DbSqlSessionFactory#mapStatement}), on PostgreSQL and H2 only; other databases
 * keep the engine's statements. With revoke checks the engine already tests each task
 * with subqueries; that case runs the engine's own check.
 * <p>
 * The groups that hold any authorization, which the engine reads in every command that
 * checks authorizations to keep only the user's groups that matter, are read by one index
 * probe per group instead of a scan of every grant (one grant per task and candidate
 * group).
 * <p>
 * On PostgreSQL, the count of a query for the tasks of given candidate groups (Tasklist
 * counts a unit's group tasks with every page) starts from those groups' candidate links
 * and reads each task by its key, where PostgreSQL would otherwise scan every open task.
 * <p>
 * The copy follows the engine's text: {@code TaskQueryStatementsTest} fails when Camunda
 * changes the statement, and {@code TaskQueryDifferential} compares both on random data
 * (docs/performance.md says what to do on an upgrade). Operators can switch it off with
 * {@code rectify.tasklist.grant-semi-joins=false}.
 */
@Component
@ConditionalOnProperty(name = "rectify.tasklist.grant-semi-joins", havingValue = "true", matchIfMissing = true)
public class TaskQueryStatements extends AbstractProcessEnginePlugin {

	static final String MAPPING = "org/rectifyflow/task/task-query.xml";

	static final String NAMESPACE = "org.rectifyflow.task.TaskQueryStatements";

	/** The engine's statement ids and what they are mapped to on H2. */
	static final Map<String, String> REPLACEMENTS = Map.of("selectTaskByQueryCriteria",
			NAMESPACE + ".selectTaskByQueryCriteriaWithGrantSemiJoins", "selectTaskCountByQueryCriteria",
			NAMESPACE + ".selectTaskCountByQueryCriteriaWithGrantSemiJoins", "selectAuthorizedGroupIds",
			NAMESPACE + ".selectAuthorizedGroupIdsBySkipScan");

	/**
	 * On PostgreSQL the count of a query for the tasks of candidate groups starts from
	 * their candidate links (LATERAL, which H2 lacks).
	 */
	static final Map<String, String> POSTGRES_REPLACEMENTS = Map.of("selectTaskByQueryCriteria",
			REPLACEMENTS.get("selectTaskByQueryCriteria"), "selectTaskCountByQueryCriteria",
			NAMESPACE + ".selectTaskCountByQueryCriteriaFromCandidateLinks", "selectAuthorizedGroupIds",
			REPLACEMENTS.get("selectAuthorizedGroupIds"));

	static final Set<String> DATABASE_TYPES = Set.of(DbSqlSessionFactory.POSTGRES, DbSqlSessionFactory.H2);

	private static final Logger logger = LoggerFactory.getLogger(TaskQueryStatements.class);

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (DATABASE_TYPES.contains(configuration.getDatabaseType())) {
			use(configuration);
			logger.info("Task query: authorization checked by semi-joins ({})", configuration.getDatabaseType());
		}
		else {
			logger.info("Task query: Camunda's statements on {}", configuration.getDatabaseType());
		}
	}

	/**
	 * Loads the replacement statements into the engine's MyBatis configuration (once,
	 * also when engines share it) and maps the engine's task query statement ids to them.
	 * @param configuration the configuration of an initialised engine
	 */
	public static void use(ProcessEngineConfigurationImpl configuration) {
		Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
		synchronized (mybatis) {
			if (!mybatis.hasStatement(REPLACEMENTS.get("selectTaskByQueryCriteria"), false)) {
				try (InputStream mapping = TaskQueryStatements.class.getClassLoader().getResourceAsStream(MAPPING)) {
					if (mapping == null) {
						throw new ProcessEngineException(MAPPING + " is missing from the class path");
					}
					new XMLMapperBuilder(mapping, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
				}
				catch (IOException ex) {
					throw new ProcessEngineException("Could not read " + MAPPING, ex);
				}
			}
		}
		DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
		Map<String, String> mappings = new HashMap<>();
		if (sessions.getStatementMappings() != null) {
			mappings.putAll(sessions.getStatementMappings());
		}
		mappings.putAll(replacements(configuration));
		// A map of this engine's own: the engine's default is shared by all engines of a
		// type.
		sessions.setStatementMappings(mappings);
	}

	/**
	 * Undoes {@link #use}: the engine runs its own task query statements again, to
	 * compare with Camunda's own behaviour.
	 * @param configuration the configuration of an initialised engine
	 */
	public static void useEngineStatements(ProcessEngineConfigurationImpl configuration) {
		DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
		if (sessions.getStatementMappings() == null) {
			return;
		}
		Map<String, String> mappings = new HashMap<>(sessions.getStatementMappings());
		REPLACEMENTS.keySet().forEach(mappings::remove);
		sessions.setStatementMappings(mappings);
	}

	/**
	 * @param configuration the configuration of an initialised engine
	 * @return whether the engine's task query runs the statements of this class
	 */
	public static boolean inUse(ProcessEngineConfigurationImpl configuration) {
		Map<String, String> mappings = configuration.getDbSqlSessionFactory().getStatementMappings();
		return mappings != null && replacements(configuration).entrySet()
			.stream()
			.allMatch((replacement) -> replacement.getValue().equals(mappings.get(replacement.getKey())));
	}

	/**
	 * @param configuration an engine's configuration
	 * @return the engine's statement ids and what they are mapped to on its database
	 */
	static Map<String, String> replacements(ProcessEngineConfigurationImpl configuration) {
		return DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType()) ? POSTGRES_REPLACEMENTS
				: REPLACEMENTS;
	}

}
