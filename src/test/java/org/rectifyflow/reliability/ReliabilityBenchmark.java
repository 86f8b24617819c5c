package org.rectifyflow.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rectifyflow.cluster.EngineIndexes;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.deadline.DeadlineTemplateProcess;
import org.rectifyflow.deadline.EscalationProcess;
import org.rectifyflow.task.TaskQueryStatements;
import org.rectifyflow.testsupport.PostgresIntegrationTest;
import org.rectifyflow.testsupport.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./mvnw -Pbench verify}: the figures of docs/performance.md, all on PostgreSQL in
 * one run. Sizes are system properties ({@code -Dbench.storm.deadlines=...}).
 * <ol>
 * <li>Escalation storm: deadlines due at once on two nodes (the packaged jar, production
 * job executor settings) against bare Camunda timers that each run one service task; the
 * two batches are created beforehand by this JVM's engine with far due dates and released
 * by one update of their due dates, as the clock would.</li>
 * <li>Footprint of a node: heap and RSS after start and after the storms.</li>
 * <li>Tasklist query: a handler's first page of the 我的组任务 filter, with authorization on,
 * over many open tasks spread over the units.</li>
 * <li>Lifecycle ratio: the clue lifecycle and the deadline pattern, each against bare
 * Camunda with as many user tasks, 4 client threads.</li>
 * </ol>
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityBenchmark {

	static final int STORM = Integer.getInteger("bench.storm.deadlines", 10_000);

	static final int STORM_BASELINE = Integer.getInteger("bench.storm.baseline", STORM);

	/** Open tasks of the units, in steps, so that the growth of each figure shows. */
	static final List<Integer> TASKLIST_SIZES = Arrays
		.stream(System.getProperty("bench.tasklist.sizes", "1000,10000,100000").split(","))
		.map((size) -> Integer.valueOf(size.trim()))
		.toList();

	static final int QUERIES = Integer.getInteger("bench.tasklist.queries", 500);

	/**
	 * Queries through HTTP with Camunda's task query statements or defaults: each takes
	 * seconds at 100,000 tasks.
	 */
	static final int REST_DEFAULT_QUERIES = Integer.getInteger("bench.tasklist.default-rest-queries", 10);

	/** Queries through HTTP with the total count, as configured. */
	static final int REST_QUERIES = Integer.getInteger("bench.tasklist.rest-queries", 100);

	static final int UNITS = Integer.getInteger("bench.tasklist.units", 20);

	static final int LIVES = Integer.getInteger("bench.lifecycle.instances", 2_000);

	static final int WARMUP = Integer.getInteger("bench.lifecycle.warmup", 200);

	static final int THREADS = Integer.getInteger("bench.lifecycle.threads", 4);

	/**
	 * The lives of each side are measured in this many rounds; the ratio is their median.
	 * Many short rounds: a burst of the machine (a checkpoint, an autovacuum, a
	 * collection) lands in a few of them and moves the median little.
	 */
	static final int ROUNDS = Integer.getInteger("bench.lifecycle.rounds", 20);

	/** Lives per side whose rows are counted per table (0: no row profile). */
	static final int PROFILED_LIVES = Integer.getInteger("bench.lifecycle.profiled", 100);

	static final String BARE_TIMER = "bench-bare-timer";

	static final String TASK_ENTITY_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";

	static final String SUPERVISOR = "bench-supervisor";

	static final Instant FAR = Instant.parse("2099-01-04T10:00:00Z");

	static final BenchResults results = new BenchResults();

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ClueIntake clueIntake;

	@Autowired
	HikariDataSource dataSource;

	@LocalServerPort
	int port;

	/** Open tasks of the handler's unit. */
	int unitTasks;

	@AfterAll
	void report() {
		System.out.println(results.table());
		results.write();
	}

	@Test
	@Order(1)
	void escalationStormOnTwoNodes() throws Exception {
		IdentityService identity = this.engine.getIdentityService();
		User supervisor = identity.newUser(SUPERVISOR);
		supervisor.setFirstName("督办");
		identity.saveUser(supervisor);
		identity.createMembership(SUPERVISOR, "supervisors");
		this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance(BARE_TIMER + ".bpmn",
					Bpmn.createExecutableProcess(BARE_TIMER)
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.intermediateCatchEvent("Timer_Bare")
						.timerWithDate("${dueAt}")
						.serviceTask("Task_Bare")
						.camundaExpression("${execution.setVariable('firedAt', now())}")
						.userTask("Task_BareWork")
						.endEvent()
						.done())
			.deploy();
		long created = System.nanoTime();
		parallel(STORM_BASELINE, 4, (n) -> this.engine.getRuntimeService()
			.startProcessInstanceByKey(BARE_TIMER, "BT-" + n, Map.of("dueAt", Date.from(FAR))));
		parallel(STORM, 4, (n) -> this.engine.getRuntimeService()
			.startProcessInstanceByKey(DeadlineTemplateProcess.KEY, "ST-" + n, Map.of(DeadlinePattern.VAR_DEADLINE_AT,
					Date.from(FAR), DeadlineTemplateProcess.VAR_WORK_GROUP, DeadlineStorm.NOBODY_GROUP)));
		results.put("storm", "instances created (baseline + deadlines)", STORM_BASELINE + STORM);
		results.put("storm", "creation s (this JVM, 4 threads)", seconds(System.nanoTime() - created));

		TestDatabase database = new TestDatabase("bench", this.dataSource.getJdbcUrl(), this.dataSource.getUsername(),
				this.dataSource.getPassword());
		DeadlineStorm storm = new DeadlineStorm(database);
		Map<String, String> production = Map.of("logging.level.org.rectifyflow", "warn",
				"logging.level.org.camunda.bpm.engine.jobexecutor", "warn");
		try (ClusterNode a = ClusterNode.start("bench-a", database, 512, production, List.of())
			.awaitHealthy(Duration.ofSeconds(180));
				ClusterNode b = ClusterNode.start("bench-b", database, 512, production, List.of())
					.awaitHealthy(Duration.ofSeconds(180))) {
			footprint("after start", a);

			RowProfile beforeBare = RowProfile.snapshot(this.jdbc);
			boolean statements = StatementProfile.available(this.jdbc);
			resetStatements(statements);
			Instant baselineAt = release("Timer_Bare");
			long baselineMs = awaitCount(() -> openTasks("Task_BareWork"), STORM_BASELINE, Duration.ofMinutes(10));
			StatementProfile bareStatements = statementsSince(statements);
			List<Long> baselineDelays = delays(storm, "Timer_Bare", baselineAt);
			double baselineRate = STORM_BASELINE * 1000.0 / baselineMs;
			results.put("storm", "bare timers: all fired after s", baselineMs / 1000.0);
			results.put("storm", "bare timers: jobs/s", baselineRate);
			results.put("storm", "bare timers: due->fired ms", BenchResults.percentiles(baselineDelays));

			RowProfile afterBare = RowProfile.snapshot(this.jdbc);
			resetStatements(statements);
			Instant stormAt = release(DeadlinePattern.TIMER_DEADLINE_PASSED);
			long stormMs = awaitCount(() -> openTasks(EscalationProcess.TASK_SUPERVISE), STORM, Duration.ofMinutes(15));
			StatementProfile stormStatements = statementsSince(statements);
			List<Long> stormDelays = storm.supervisionDelaysMillis("ST", stormAt);
			double stormRate = STORM * 1000.0 / stormMs;
			Map<String, DeadlineStorm.Effects> effects = storm.effects("ST", SUPERVISOR);
			long duplicates = effects.values().stream().filter((e) -> !e.exactlyOnce()).count()
					+ (STORM - effects.size());
			results.put("storm", "deadlines", STORM);
			results.put("storm", "every 督办 task exists after s (goal <= 60)", stormMs / 1000.0);
			results.put("storm", "escalations/s", stormRate);
			results.put("storm", "ratio escalations/s : bare jobs/s", stormRate / baselineRate);
			results.goal("storm: time of " + STORM + " escalations / time of " + STORM_BASELINE
					+ " bare timers (goal <= 1.4)", (double) stormMs / baselineMs);
			results.put("storm", "due->督办 task ms", BenchResults.percentiles(stormDelays));
			results.put("storm", "deadlines not escalated exactly once (goal 0)", duplicates);
			results.goal("storm: deadlines not escalated exactly once (goal 0)", duplicates);
			results.put("storm", "fired by node", storm.firedByNode("ST"));
			rowsPerJob(beforeBare, afterBare, RowProfile.snapshot(this.jdbc));
			statements("storm", "per job, bare timer", bareStatements, STORM_BASELINE, "per job, escalation",
					stormStatements, STORM);
			footprint("after the storms", a);
		}
	}

	/**
	 * The rows one bare timer and one escalation wrote, per table, on both nodes together
	 * (the job executors' own polling included).
	 */
	private void rowsPerJob(RowProfile beforeBare, RowProfile afterBare, RowProfile afterStorm) {
		Map<String, double[]> bareRows = afterBare.perLife(beforeBare, STORM_BASELINE);
		Map<String, double[]> stormRows = afterStorm.perLife(afterBare, STORM);
		String rows = "rows per job inserted / updated / deleted, ";
		results.put("storm", rows + "bare timer: total", RowProfile.format(bareRows.get("total")));
		results.put("storm", rows + "escalation: total", RowProfile.format(stormRows.get("total")));
		stormRows.forEach((table, written) -> {
			if (!"total".equals(table)) {
				results.put("storm", rows + "escalation: " + table, RowProfile.format(written) + "  (bare "
						+ RowProfile.format(bareRows.getOrDefault(table, new double[3])) + ")");
			}
		});
	}

	/**
	 * The open tasks of one activity: how far a batch of timers has come. Both batches
	 * are watched with this statement, once a second (it reads every open task), so that
	 * watching weighs little and on neither more than on the other. The 督办 tasks of the
	 * benchmark's database are the storm's alone, and the exactly-once check counts them
	 * per deadline afterwards.
	 */
	private long openTasks(String taskDefinitionKey) {
		return this.jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ = ?", Long.class,
				taskDefinitionKey);
	}

	/**
	 * Releases a batch: every timer of the activity becomes due now, as if the clock had
	 * reached it.
	 */
	private Instant release(String activityId) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.jdbc.update(
				"update act_ru_job set duedate_ = ? where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)",
				Timestamp.from(now), activityId);
		return now;
	}

	private List<Long> delays(DeadlineStorm storm, String activityId, Instant dueAt) {
		return this.jdbc
			.queryForList(
					"select timestamp_ from act_hi_job_log where act_id_ = ? and job_state_ = 2 order by timestamp_",
					Timestamp.class, activityId)
			.stream()
			.map((t) -> t.toInstant().toEpochMilli() - dueAt.toEpochMilli())
			.toList();
	}

	private void footprint(String when, ClusterNode node) {
		results.put("footprint", "node RSS MB " + when, node.rssKb() / 1024);
		HttpResponse<String> metrics = node.asAdmin("GET", "/actuator/prometheus", null);
		double heap = metrics.body()
			.lines()
			.filter((line) -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
		results.put("footprint", "node heap used MB " + when, Math.round(heap / 1024 / 1024));
	}

	@Test
	@Order(2)
	void tasklistFirstPageOfAHandler() throws Exception {
		List<String> units = new ArrayList<>();
		for (int u = 0; u < UNITS; u++) {
			units.add("unit-bench" + u);
		}
		IdentityService identity = this.engine.getIdentityService();
		for (String unit : units) {
			identity.saveGroup(identity.newGroup(unit));
		}
		User handler = identity.newUser("bench-handler");
		handler.setFirstName("办理");
		handler.setPassword("Bench-1-pw");
		identity.saveUser(handler);
		identity.createMembership("bench-handler", units.get(0));
		this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("bench-unit-work.bpmn",
					Bpmn.createExecutableProcess("bench-unit-work")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.userTask("Task_UnitWork")
						.name("单位整改")
						.camundaCandidateGroups("${unitGroup}")
						.camundaDueDate("${due}")
						.endEvent()
						.done())
			.deploy();
		Map<String, String> templates = new LinkedHashMap<>();
		for (String unit : units) {
			templates.put(unit,
					this.engine.getRuntimeService()
						.startProcessInstanceByKey("bench-unit-work", unit + "-0",
								Map.of("unitGroup", unit, "due", Date.from(Instant.now().plus(10, ChronoUnit.DAYS))))
						.getId());
		}
		FilterService filters = this.engine.getFilterService();
		Filter groupTasks = filters.createFilterQuery().filterName("我的组任务").singleResult();
		List<String> groups = identity.createGroupQuery()
			.groupMember("bench-handler")
			.list()
			.stream()
			.map((g) -> g.getId())
			.toList();

		int perUnit = 1;
		for (int size : TASKLIST_SIZES) {
			int target = Math.max(1, size / UNITS);
			long started = System.nanoTime();
			for (String template : templates.values()) {
				cloneInstance(template, perUnit, target - 1);
			}
			perUnit = Math.max(perUnit, target);
			this.unitTasks = perUnit;
			this.jdbc.execute("analyze");
			long open = this.jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
			String at = size + " unit tasks";
			results.put("tasklist", at + ": open tasks in all (with the storm's)", open);
			results.put("tasklist", at + ": open tasks of the handler's unit (its grants)", perUnit);
			results.put("tasklist", at + ": data set up s", seconds(System.nanoTime() - started));
			boolean largest = size == TASKLIST_SIZES.get(TASKLIST_SIZES.size() - 1);
			measureTasklist(size, groupTasks, groups, largest);
		}
	}

	/**
	 * The handler's 我的组任务 as configured (the headline: page and count over HTTP), and
	 * with Camunda's own task query statements; at the largest size also with Camunda's
	 * defaults throughout.
	 */
	private void measureTasklist(int size, Filter groupTasks, List<String> groups, boolean largest) throws Exception {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		String at = size + " unit tasks";
		Map<String, Object> page = measureFilter(at + ", engine page, as configured", groupTasks, groups, QUERIES,
				largest);
		Map<String, Object> request = measureRest(at + ", HTTP page + count, as configured", groupTasks, REST_QUERIES);
		growth("engine page alone, as configured: p99 ms (goal <= 50 at 100,000)", size, page);
		growth("Tasklist request (page 15 + count, HTTP), as configured: p99 ms (goal <= 150 at 100,000)", size,
				request);
		if (largest) {
			results.put(BenchResults.HEADLINE,
					"Tasklist request (page 15 + count, HTTP, authorization on), " + size
							+ " unit tasks, p50 / p99 ms (goal p99 <= 150)",
					millis(request, "p50") + " / " + millis(request, "p99"));
			results.put(BenchResults.HEADLINE, "engine page alone, same data, p50 / p99 ms (goal p99 <= 50)",
					millis(page, "p50") + " / " + millis(page, "p99"));
			results.goal("Tasklist request (page + count, HTTP), " + size + " unit tasks, p99 ms (goal <= 150)",
					((Long) request.get("p99")) / 1000.0);
			results.goal("engine page alone, " + size + " unit tasks, p99 ms (goal <= 50)",
					((Long) page.get("p99")) / 1000.0);
		}

		TaskQueryStatements.useEngineStatements(configuration);
		try {
			Map<String, Object> enginePage = measureFilter(at + ", engine page, Camunda's task query statements",
					groupTasks, groups, QUERIES, largest);
			Map<String, Object> engineRequest = measureRest(at + ", HTTP page + count, Camunda's task query statements",
					groupTasks, REST_DEFAULT_QUERIES);
			growth("engine page alone, Camunda's task query statements: p99 ms", size, enginePage);
			growth("Tasklist request (page 15 + count, HTTP), Camunda's task query statements: p99 ms", size,
					engineRequest);
			if (largest) {
				useCamundaDefaults(() -> {
					measureFilter(at + ", engine page, Camunda defaults", groupTasks, groups, QUERIES, false);
					measureRest(at + ", HTTP page + count, Camunda defaults", groupTasks, REST_DEFAULT_QUERIES);
				});
			}
		}
		finally {
			TaskQueryStatements.use(configuration);
		}
	}

	/**
	 * Runs {@code work} without the task list index, statistics and process-only tasks.
	 */
	private void useCamundaDefaults(BenchWork work) throws Exception {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		boolean standalone = configuration.isStandaloneTasksEnabled();
		int major = this.jdbc
			.execute((ConnectionCallback<Integer>) (connection) -> connection.getMetaData().getDatabaseMajorVersion());
		try {
			configuration.setStandaloneTasksEnabled(true);
			EngineIndexes.dropTaskListStatements("PostgreSQL", major).forEach(this.jdbc::execute);
			this.jdbc.execute("analyze act_ru_task, act_ru_authorization");
			work.run();
		}
		finally {
			configuration.setStandaloneTasksEnabled(standalone);
			EngineIndexes.taskListStatements("", "PostgreSQL", major).forEach(this.jdbc::execute);
			this.jdbc.execute("analyze act_ru_task, act_ru_authorization");
		}
	}

	@SuppressWarnings("unchecked")
	private static void growth(String figure, int size, Map<String, Object> percentiles) {
		Map<Integer, Object> row = (Map<Integer, Object>) results.get("tasklist growth (unit tasks -> p99 ms)", figure,
				LinkedHashMap::new);
		row.put(size, millis(percentiles, "p99"));
	}

	private static String millis(Map<String, Object> percentiles, String key) {
		Object micros = percentiles.get(key);
		return (micros instanceof Long value) ? String.format("%.1f", value / 1000.0) : "-";
	}

	private Map<String, Object> measureFilter(String variant, Filter filter, List<String> groups, int queries,
			boolean explain) {
		IdentityService identity = this.engine.getIdentityService();
		if (explain) {
			identity.setAuthentication("bench-handler", groups);
			try {
				String plan = QueryPlans.explain(this.jdbc, taskQueryStatement("selectTaskByQueryCriteria"),
						() -> this.engine.getFilterService().listPage(filter.getId(), 0, 15));
				System.out.println("[bench] plan of the first page, " + variant + ":\n" + plan);
				plan = QueryPlans.explain(this.jdbc, taskQueryStatement("selectTaskCountByQueryCriteria"),
						() -> this.engine.getFilterService().count(filter.getId()));
				System.out.println("[bench] plan of the count, " + variant + ":\n" + plan);
			}
			finally {
				identity.clearAuthentication();
			}
		}
		List<Long> micros = new ArrayList<>();
		int warmup = Math.min(20, queries / 4);
		for (int i = 0; i < queries + warmup; i++) {
			identity.setAuthentication("bench-handler", groups);
			long start = System.nanoTime();
			List<Task> page = this.engine.getFilterService().listPage(filter.getId(), 0, 15);
			long took = System.nanoTime() - start;
			identity.clearAuthentication();
			if (page.size() != Math.min(15, this.unitTasks)) {
				throw new IllegalStateException("first page has " + page.size() + " tasks");
			}
			if (i >= warmup) {
				micros.add(took / 1000);
			}
		}
		Map<String, Object> percentiles = BenchResults.percentiles(micros);
		results.put("tasklist", "first page (15) µs, " + variant, percentiles);
		return percentiles;
	}

	/** The MyBatis statement that the engine runs now for one of its task query ids. */
	private String taskQueryStatement(String engineStatement) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		String mapped = configuration.getDbSqlSessionFactory().mapStatement(engineStatement);
		return mapped.contains(".") ? mapped : TASK_ENTITY_NAMESPACE + "." + mapped;
	}

	private Map<String, Object> measureRest(String variant, Filter filter, int queries) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<Long> micros = new ArrayList<>();
		String body = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"processVariables\":[],"
				+ "\"taskVariables\":[],\"caseInstanceVariables\":[]}";
		int warmup = Math.min(20, queries / 4);
		for (int i = 0; i < queries + warmup; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/engine-rest/filter/" + filter.getId()
						+ "/list?firstResult=0&maxResults=15"))
				.header("Authorization", ClusterNode.basic("bench-handler", "Bench-1-pw"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/hal+json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
			long took = System.nanoTime() - start;
			if (response.statusCode() != 200) {
				throw new IllegalStateException("filter list: " + response.statusCode() + " " + response.body());
			}
			if (i >= warmup) {
				micros.add(took / 1000);
			}
		}
		Map<String, Object> percentiles = BenchResults.percentiles(micros);
		results.put("tasklist", "page + count µs, " + variant, percentiles);
		return percentiles;
	}

	@FunctionalInterface
	private interface BenchWork {

		void run() throws Exception;

	}

	/**
	 * Copies a real one-task process instance in SQL, copies numbered {@code from} to
	 * {@code to} (none if {@code to < from}): execution, task, candidate link and the
	 * task authorization the engine created for the candidate group, each with new ids,
	 * spread creation and due dates.
	 */
	private void cloneInstance(String processInstanceId, int from, int to) {
		if (to < from) {
			return;
		}
		String suffix = "'-' || g";
		Map<String, String> execution = Map.of("id_", "e.id_ || " + suffix, "proc_inst_id_", "e.id_ || " + suffix,
				"root_proc_inst_id_", "e.id_ || " + suffix, "business_key_", "e.business_key_ || " + suffix);
		copy("act_ru_execution", "e", "e.proc_inst_id_ = ?", execution, processInstanceId, from, to);
		Map<String, String> task = Map.of("id_", "e.id_ || " + suffix, "execution_id_", "e.execution_id_ || " + suffix,
				"proc_inst_id_", "e.proc_inst_id_ || " + suffix, "create_time_",
				"e.create_time_ - (g * interval '1 second')", "due_date_",
				"e.due_date_ + ((g % 40) * interval '1 day') - (g * interval '1 second')");
		copy("act_ru_task", "e", "e.proc_inst_id_ = ?", task, processInstanceId, from, to);
		Map<String, String> link = Map.of("id_", "e.id_ || " + suffix, "task_id_", "e.task_id_ || " + suffix);
		copy("act_ru_identitylink", "e", "e.task_id_ in (select id_ from act_ru_task where proc_inst_id_ = ?)", link,
				processInstanceId, from, to);
		Map<String, String> authorization = Map.of("id_", "e.id_ || " + suffix, "resource_id_",
				"e.resource_id_ || " + suffix, "root_proc_inst_id_", "e.root_proc_inst_id_ || " + suffix);
		copy("act_ru_authorization", "e",
				"e.resource_type_ = 7 and e.resource_id_ in (select id_ from act_ru_task where proc_inst_id_ = ?)",
				authorization, processInstanceId, from, to);
	}

	private void copy(String table, String alias, String where, Map<String, String> overrides, String parameter,
			int from, int to) {
		List<String> columns = this.jdbc
			.queryForList("select column_name from information_schema.columns where table_schema = current_schema()"
					+ " and table_name = ? order by ordinal_position", String.class, table);
		String select = columns.stream()
			.map((c) -> overrides.containsKey(c) ? overrides.get(c) : alias + "." + c)
			.collect(Collectors.joining(", "));
		this.jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from "
				+ table + " " + alias + ", generate_series(" + from + ", " + to + ") g where " + where, parameter);
	}

	@Test
	@Order(3)
	void lifecycleRatio() throws Exception {
		for (Lifecycle domain : List.of(new ClueLifecycle(this.clueIntake, this.jdbc),
				new Lifecycle.DeadlinePatternLifecycle())) {
			Lifecycle bare = new Lifecycle.Bare(domain.userTasks());
			bare.prepare(this.engine);
			domain.prepare(this.engine);
			// warm up both, then measure both in rounds that alternate which side goes
			// first,
			// so that a drift of the machine or of the tables' size weighs on both alike
			runLives(bare, WARMUP, 0);
			runLives(domain, WARMUP, 0);
			int perRound = Math.max(1, LIVES / ROUNDS);
			List<Double> ratios = new ArrayList<>();
			double bareSeconds = 0;
			double domainSeconds = 0;
			for (int round = 0; round < ROUNDS; round++) {
				int offset = WARMUP + round * perRound;
				double bareTook;
				double domainTook;
				if (round % 2 == 0) {
					bareTook = timeLives(bare, perRound, offset);
					domainTook = timeLives(domain, perRound, offset);
				}
				else {
					domainTook = timeLives(domain, perRound, offset);
					bareTook = timeLives(bare, perRound, offset);
				}
				bareSeconds += bareTook;
				domainSeconds += domainTook;
				ratios.add(bareTook / domainTook);
			}
			List<Double> sorted = ratios.stream().sorted().toList();
			double median = BenchResults.median(sorted);
			String section = "lifecycle: " + domain.name();
			results.put(section, "rounds x lives per side, client threads", ROUNDS + " x " + perRound + ", " + THREADS);
			results.put(section, "bare Camunda lives/s", ROUNDS * perRound / bareSeconds);
			results.put(section, "domain lives/s", ROUNDS * perRound / domainSeconds);
			results.put(section, "ratio per round",
					ratios.stream().map((r) -> String.format("%.2f", r)).collect(Collectors.joining(" ")));
			results.put(section, "ratio, median of the rounds (lowest - highest)",
					String.format("%.2f (%.2f - %.2f)", median, sorted.get(0), sorted.get(sorted.size() - 1)));
			results.goal("lifecycle " + domain.name() + " : bare, median of rounds"
					+ ((domain instanceof ClueLifecycle) ? " (goal >= 0.85)" : ""), median);
			profileRows(section, bare, domain);
		}
	}

	/**
	 * The rows one life of each side writes, per table: where the domain's lives cost
	 * more than the bare ones.
	 */
	private void profileRows(String section, Lifecycle bare, Lifecycle domain) throws Exception {
		if (PROFILED_LIVES <= 0) {
			return;
		}
		int offset = WARMUP + LIVES;
		boolean statements = StatementProfile.available(this.jdbc);
		RowProfile start = RowProfile.snapshot(this.jdbc);
		resetStatements(statements);
		timeLives(bare, PROFILED_LIVES, offset);
		StatementProfile bareStatements = statementsSince(statements);
		RowProfile afterBare = RowProfile.snapshot(this.jdbc);
		resetStatements(statements);
		timeLives(domain, PROFILED_LIVES, offset);
		StatementProfile domainStatements = statementsSince(statements);
		RowProfile afterDomain = RowProfile.snapshot(this.jdbc);
		statements(section, "per life, bare", bareStatements, PROFILED_LIVES, "per life, domain", domainStatements,
				PROFILED_LIVES);
		Map<String, double[]> bareRows = afterBare.perLife(start, PROFILED_LIVES);
		Map<String, double[]> domainRows = afterDomain.perLife(afterBare, PROFILED_LIVES);
		String rows = "rows per life inserted / updated / deleted, ";
		results.put(section, rows + "bare: total", RowProfile.format(bareRows.get("total")));
		results.put(section, rows + "domain: total", RowProfile.format(domainRows.get("total")));
		domainRows.forEach((table, written) -> {
			if (!"total".equals(table)) {
				double[] baseline = bareRows.getOrDefault(table, new double[3]);
				results.put(section, rows + "domain: " + table,
						RowProfile.format(written) + "  (bare " + RowProfile.format(baseline) + ")");
			}
		});
	}

	private void resetStatements(boolean available) {
		if (available) {
			StatementProfile.reset(this.jdbc);
		}
	}

	private StatementProfile statementsSince(boolean available) {
		return available ? StatementProfile.since(this.jdbc) : null;
	}

	/**
	 * The statements one life or job of each side sent and the database's time on them:
	 * the totals, then the statements of most time on the measured side next to the bare
	 * side's. Nothing when the server keeps no statement statistics.
	 */
	private static void statements(String section, String bareName, StatementProfile bare, int bareCount,
			String measuredName, StatementProfile measured, int measuredCount) {
		if (bare == null || measured == null) {
			return;
		}
		String label = "statements and database ms ";
		results.put(section, label + bareName + ": total", StatementProfile.format(bare.total(bareCount)));
		measured.perLife(measuredCount)
			.forEach((statement, sent) -> results.put(section, label + measuredName + ": " + statement,
					StatementProfile.format(sent) + ("total".equals(statement) ? ""
							: "  (bare " + StatementProfile.format(bare.perLife(statement, bareCount)) + ")")));
	}

	/** Seconds {@code count} lives took. */
	private double timeLives(Lifecycle lifecycle, int count, int offset) throws Exception {
		long start = System.nanoTime();
		parallel(count, THREADS, (n) -> lifecycle.run(this.engine, offset + n));
		return seconds(System.nanoTime() - start);
	}

	private void runLives(Lifecycle lifecycle, int count, int offset) throws Exception {
		timeLives(lifecycle, count, offset);
	}

	private static void parallel(int count, int threads, IntConsumer work) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
						work.accept(n);
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long awaitCount(CountSupplier count, long expected, Duration timeout) throws Exception {
		long start = System.nanoTime();
		long end = start + timeout.toNanos();
		while (System.nanoTime() < end) {
			if (count.get() >= expected) {
				return (System.nanoTime() - start) / 1_000_000;
			}
			Thread.sleep(1000);
		}
		throw new AssertionError("only " + count.get() + " of " + expected + " after " + timeout);
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	@FunctionalInterface
	interface CountSupplier {

		long get() throws Exception;

	}

}
