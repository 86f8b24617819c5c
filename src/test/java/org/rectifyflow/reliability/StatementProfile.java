package org.rectifyflow.reliability;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements a piece of work sent to PostgreSQL and the time the server spent on
 * them, from {@code pg_stat_statements}: how many per life (or job) and where the
 * database's time went. Complements {@link RowProfile}, which counts rows, not round
 * trips or time.
 * <p>
 * The counters are the server's, for every connection to the database: both storm nodes,
 * the benchmark's own connections and the job executors' polling included. A server
 * without the module loaded ({@code shared_preload_libraries}, as a server named by
 * {@code TEST_DB_URL} may be) gives no profile; the embedded test server loads it.
 */
final class StatementProfile {

	/** Statements shown one by one, most database time first. */
	static final int SHOWN = 15;

	private static final int SHOWN_LENGTH = 90;

	private final Map<String, double[]> statements;

	private StatementProfile(Map<String, double[]> statements) {
		this.statements = statements;
	}

	/**
	 * Whether the server collects statement statistics: installs the extension in the
	 * database if the module is loaded.
	 * @param jdbc the database
	 * @return {@code true} if {@link #reset} and {@link #since} work
	 */
	static boolean available(JdbcTemplate jdbc) {
		try {
			jdbc.execute("create extension if not exists pg_stat_statements");
			jdbc.queryForObject("select count(*) from pg_stat_statements", Long.class);
			return true;
		}
		catch (DataAccessException ex) {
			System.out.println("[bench] no statement profile: " + ex.getMostSpecificCause().getMessage());
			return false;
		}
	}

	/**
	 * Starts counting afresh.
	 * @param jdbc the database
	 */
	static void reset(JdbcTemplate jdbc) {
		jdbc.execute("select pg_stat_statements_reset()");
	}

	/**
	 * What the database's connections sent since the last {@link #reset}, per statement:
	 * calls and milliseconds of execution (planning is not counted).
	 * @param jdbc the database
	 * @return the profile
	 */
	static StatementProfile since(JdbcTemplate jdbc) {
		Map<String, double[]> statements = new LinkedHashMap<>();
		jdbc.query("select s.query, s.calls, s.total_exec_time from pg_stat_statements s"
				+ " join pg_database d on d.oid = s.dbid where d.datname = current_database()", (rs) -> {
					String query = rs.getString(1).replaceAll("\\s+", " ").trim();
					if (!query.contains("pg_stat_statements")) {
						statements.merge(query, new double[] { rs.getLong(2), rs.getDouble(3) },
								StatementProfile::plus);
					}
				});
		return new StatementProfile(statements);
	}

	/**
	 * Statements and database milliseconds per life: the totals, then the {@value #SHOWN}
	 * statements of most database time, each shortened to its first words.
	 * @param lives how many lives (or jobs) the profile covers
	 * @return shortened statement -> {calls, ms} per life, "total" first
	 */
	Map<String, double[]> perLife(int lives) {
		Map<String, double[]> ordered = new LinkedHashMap<>();
		ordered.put("total", total(lives));
		List<Map.Entry<String, double[]>> byTime = this.statements.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[1]))
			.limit(SHOWN)
			.toList();
		byTime.forEach((e) -> ordered.merge(shorten(e.getKey()), per(e.getValue(), lives), StatementProfile::plus));
		return ordered;
	}

	/**
	 * Statements and database milliseconds per life, all statements together.
	 * @param lives how many lives (or jobs) the profile covers
	 * @return {calls, ms} per life
	 */
	double[] total(int lives) {
		return per(this.statements.values().stream().reduce(new double[2], StatementProfile::plus), lives);
	}

	/**
	 * Calls and milliseconds per life of one statement, as {@link #perLife} shortens it;
	 * zero if it was not sent.
	 * @param shortened the shortened statement
	 * @param lives how many lives the profile covers
	 * @return {calls, ms} per life
	 */
	double[] perLife(String shortened, int lives) {
		return per(this.statements.entrySet()
			.stream()
			.filter((e) -> shorten(e.getKey()).equals(shortened))
			.map(Map.Entry::getValue)
			.reduce(new double[2], StatementProfile::plus), lives);
	}

	/** "calls, ms" with one and two decimals. */
	static String format(double[] statement) {
		return String.format("%.1f statements, %.2f ms", statement[0], statement[1]);
	}

	private static double[] plus(double[] a, double[] b) {
		return new double[] { a[0] + b[0], a[1] + b[1] };
	}

	private static double[] per(double[] statement, int lives) {
		return new double[] { statement[0] / lives, statement[1] / lives };
	}

	private static String shorten(String query) {
		return (query.length() <= SHOWN_LENGTH) ? query : query.substring(0, SHOWN_LENGTH) + "…";
	}

}
