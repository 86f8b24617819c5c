package org.rectifyflow.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL plan of the SQL that the engine runs for one call: the statement is
 * taken from MyBatis' statement log (switched on for the call only), its parameters
 * inlined, and {@code explain (analyze, buffers)} run on it. Benchmarks print it so that
 * a figure comes with the reason for it.
 */
final class QueryPlans {

	private static final Pattern PARAMETER = Pattern.compile("(null|[^,]*?)\\(([A-Za-z]+)\\)(?:, |$)");

	private QueryPlans() {
	}

	/**
	 * Runs {@code call} with the statement log of {@code statement} on, and explains the
	 * last SQL it logged.
	 * @param jdbc where to explain
	 * @param statement the MyBatis statement id, e.g.
	 * {@code org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria}
	 * @param call what runs the statement
	 * @return the SQL and its plan, one string
	 */
	static String explain(JdbcTemplate jdbc, String statement, Runnable call) {
		Logger logger = (Logger) LoggerFactory.getLogger(statement);
		Level level = logger.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		logger.setLevel(Level.DEBUG);
		try {
			call.run();
		}
		finally {
			logger.setLevel(level);
			logger.detachAppender(appender);
		}
		String sql = null;
		String parameters = "";
		for (ILoggingEvent event : appender.list) {
			String message = event.getFormattedMessage();
			if (message.startsWith("==>  Preparing: ")) {
				sql = message.substring("==>  Preparing: ".length());
			}
			else if (message.startsWith("==> Parameters: ")) {
				parameters = message.substring("==> Parameters: ".length());
			}
		}
		if (sql == null) {
			return "(no statement logged by " + statement + ")";
		}
		String inlined = inline(sql, parameters);
		String plan = jdbc.queryForList("explain (analyze, buffers) " + inlined, String.class)
			.stream()
			.collect(Collectors.joining("\n"));
		return inlined + "\n" + plan;
	}

	private static String inline(String sql, String parameters) {
		List<String> literals = new ArrayList<>();
		Matcher matcher = PARAMETER.matcher(parameters);
		while (matcher.find() && matcher.end() > matcher.start()) {
			String value = matcher.group(1);
			String type = matcher.group(2);
			if (value.equals("null")) {
				literals.add("null");
			}
			else if (type.equals("Integer") || type.equals("Long") || type.equals("Boolean")) {
				literals.add(value);
			}
			else {
				literals.add("'" + value.replace("'", "''") + "'");
			}
		}
		StringBuilder out = new StringBuilder();
		int next = 0;
		for (char c : sql.toCharArray()) {
			if (c == '?' && next < literals.size()) {
				out.append(literals.get(next++));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
