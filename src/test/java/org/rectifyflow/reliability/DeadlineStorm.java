package org.rectifyflow.reliability;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.deadline.DeadlineTemplateProcess;
import org.rectifyflow.deadline.EscalationProcess;
import org.rectifyflow.testsupport.TestDatabase;

/**
 * Deadlines due at a chosen moment on a cluster, and the database's account of what their
 * escalation produced: 督办 tasks, supervision notices, audit rows and notifications per
 * deadline, and which node fired each timer. Shared by {@code ClusterIT} and the
 * escalation storm benchmark.
 * <p>
 * A deadline is one {@code deadline-template} instance with business key
 * {@code <prefix>-<n>} and {@code deadlineAt} given; its work goes to a group without
 * members so that reminders notify nobody.
 */
final class DeadlineStorm {

	static final String NOBODY_GROUP = "cluster-nobody";

	private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final TestDatabase database;

	DeadlineStorm(TestDatabase database) {
		this.database = database;
	}

	/**
	 * Starts deadlines through the nodes' {@code /engine-rest}, round robin.
	 * @param nodes the nodes to send the requests to
	 * @param prefix business key prefix of this batch
	 * @param count how many
	 * @param dueAt the deadline of every instance
	 * @param threads client threads
	 */
	static void startDeadlines(List<ClusterNode> nodes, String prefix, int count, Instant dueAt, int threads)
			throws Exception {
		String body = "{\"businessKey\":\"%s\",\"variables\":{\"" + DeadlinePattern.VAR_DEADLINE_AT + "\":{\"value\":\""
				+ REST_DATE.format(dueAt) + "\",\"type\":\"Date\"},\"" + DeadlineTemplateProcess.VAR_WORK_GROUP
				+ "\":{\"value\":\"" + NOBODY_GROUP + "\",\"type\":\"String\"}}}";
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						ClusterNode node = nodes.get(i % nodes.size());
						HttpResponse<String> response = node.asAdmin("POST",
								"/engine-rest/process-definition/key/" + DeadlineTemplateProcess.KEY + "/start",
								body.formatted(prefix + "-" + i));
						if (response.statusCode() != 200) {
							throw new IllegalStateException(
									"Start on " + node.name() + ": " + response.statusCode() + " " + response.body());
						}
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

	/**
	 * @param prefix business key prefix
	 * @return open 督办 tasks of the batch
	 */
	long superviseTasks(String prefix) throws SQLException {
		return count(
				"select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
						+ " where t.task_def_key_ = ? and e.business_key_ like ?",
				EscalationProcess.TASK_SUPERVISE, prefix + "-%");
	}

	/**
	 * How long after the due time each 督办 task of the batch was created.
	 * @param prefix business key prefix
	 * @param dueAt when the batch was due
	 * @return the delays in milliseconds, ascending (negative if created before the due
	 * time)
	 */
	List<Long> supervisionDelaysMillis(String prefix, Instant dueAt) throws SQLException {
		List<Long> delays = new ArrayList<>();
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement(
						"select t.create_time_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
								+ " where t.task_def_key_ = ? and e.business_key_ like ? order by t.create_time_")) {
			statement.setString(1, EscalationProcess.TASK_SUPERVISE);
			statement.setString(2, prefix + "-%");
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					delays.add(rows.getTimestamp(1).toInstant().toEpochMilli() - dueAt.toEpochMilli());
				}
			}
		}
		return delays;
	}

	/**
	 * Per business key of the batch: how many 督办 tasks, supervision notices,
	 * DEADLINE_ESCALATED audit rows and notifications of the given user its escalation
	 * produced.
	 * @param prefix business key prefix
	 * @param notifiedUser the only member of the escalation group
	 * @return business key to counts, for every key that has at least one of them
	 */
	Map<String, Effects> effects(String prefix, String notifiedUser) throws SQLException {
		Map<String, Effects> effects = new LinkedHashMap<>();
		try (Connection connection = connect()) {
			query(connection,
					"select e.business_key_, count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
							+ " where t.task_def_key_ = ? and e.business_key_ like ? group by e.business_key_",
					(key, n) -> effects.computeIfAbsent(key, (k) -> new Effects()).tasks = n,
					EscalationProcess.TASK_SUPERVISE, prefix + "-%");
			query(connection,
					"select business_key, count(*) from supervision_notice where business_key like ? group by business_key",
					(key, n) -> effects.computeIfAbsent(key, (k) -> new Effects()).notices = n, prefix + "-%");
			query(connection,
					"select p.business_key_, count(*) from audit_event a join act_hi_procinst p on p.id_ = a.item_id"
							+ " where a.action = 'DEADLINE_ESCALATED' and p.business_key_ like ? group by p.business_key_",
					(key, n) -> effects.computeIfAbsent(key, (k) -> new Effects()).audits = n, prefix + "-%");
			try (PreparedStatement statement = connection
				.prepareStatement("select text from notification where recipient = ? and text like ?")) {
				statement.setString(1, notifiedUser);
				statement.setString(2, "%（" + prefix + "-%");
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						String text = rows.getString(1);
						String key = text.substring(text.indexOf('（') + 1, text.indexOf('）'));
						effects.computeIfAbsent(key, (k) -> new Effects()).notifications++;
					}
				}
			}
		}
		return effects;
	}

	/**
	 * Which node fired the deadline timers of the batch: successful job log entries of
	 * {@code Timer_DeadlinePassed} by host name.
	 * @param prefix business key prefix
	 * @return host name to number of timers it fired
	 */
	Map<String, Long> firedByNode(String prefix) throws SQLException {
		Map<String, Long> byNode = new LinkedHashMap<>();
		try (Connection connection = connect()) {
			query(connection,
					"select j.hostname_, count(*) from act_hi_job_log j join act_hi_procinst p on p.id_ = j.process_instance_id_"
							+ " where j.act_id_ = ? and j.job_state_ = 2 and p.business_key_ like ? group by j.hostname_",
					byNode::put, DeadlinePattern.TIMER_DEADLINE_PASSED, prefix + "-%");
		}
		return byNode;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.database.jdbcUrl(), this.database.user(), this.database.password());
	}

	long count(String sql, Object... parameters) throws SQLException {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	List<String> strings(String sql, Object... parameters) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
		}
		return values;
	}

	private static void query(Connection connection, String sql, Row row, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					row.accept(rows.getString(1), rows.getLong(2));
				}
			}
		}
	}

	@FunctionalInterface
	private interface Row {

		void accept(String key, long count);

	}

	/**
	 * What one deadline's escalation produced.
	 */
	static final class Effects {

		long tasks;

		long notices;

		long audits;

		long notifications;

		boolean exactlyOnce() {
			return this.tasks == 1 && this.notices == 1 && this.audits == 1 && this.notifications == 1;
		}

		@Override
		public String toString() {
			return "tasks=" + this.tasks + " notices=" + this.notices + " audits=" + this.audits + " notifications="
					+ this.notifications;
		}

	}

}
