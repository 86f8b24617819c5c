package org.rectifyflow.reliability;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows a piece of work wrote, per table, from PostgreSQL's own counters
 * ({@code pg_stat_user_tables}): inserted, updated and deleted. The counters of a
 * connection reach the shared statistics when it has been idle for a while, so a snapshot
 * first waits for that.
 */
final class RowProfile {

	/** How long PostgreSQL may keep a backend's counters before it reports them. */
	private static final long REPORT_DELAY_MS = 11_000;

	private final Map<String, long[]> rows;

	private RowProfile(Map<String, long[]> rows) {
		this.rows = rows;
	}

	/**
	 * The counters now, after every connection has reported its own.
	 * @param jdbc the database
	 * @return the snapshot
	 */
	static RowProfile snapshot(JdbcTemplate jdbc) throws InterruptedException {
		Thread.sleep(REPORT_DELAY_MS);
		jdbc.execute("select pg_stat_clear_snapshot()");
		Map<String, long[]> rows = new TreeMap<>();
		jdbc.query("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables", (rs) -> {
			rows.put(rs.getString(1).toLowerCase(), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
		});
		return new RowProfile(rows);
	}

	/**
	 * Rows written per life between {@code before} and this snapshot: each table with
	 * inserted / updated / deleted, most written first, and the totals.
	 * @param before the earlier snapshot
	 * @param lives how many lives ran in between
	 * @return table -> "ins / upd / del" per life, "total" first
	 */
	Map<String, double[]> perLife(RowProfile before, int lives) {
		Map<String, double[]> tables = new TreeMap<>();
		double[] total = new double[3];
		this.rows.forEach((table, after) -> {
			long[] earlier = before.rows.getOrDefault(table, new long[3]);
			double[] written = new double[3];
			for (int i = 0; i < 3; i++) {
				written[i] = (after[i] - earlier[i]) / (double) lives;
				total[i] += written[i];
			}
			if (written[0] + written[1] + written[2] > 0) {
				tables.put(table, written);
			}
		});
		Map<String, double[]> ordered = new LinkedHashMap<>();
		ordered.put("total", total);
		List<Map.Entry<String, double[]>> byRows = tables.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble(
					(Map.Entry<String, double[]> e) -> -(e.getValue()[0] + e.getValue()[1] + e.getValue()[2])))
			.toList();
		byRows.forEach((e) -> ordered.put(e.getKey(), e.getValue()));
		return ordered;
	}

	/** "ins / upd / del" with one decimal. */
	static String format(double[] written) {
		return String.format("%.1f / %.1f / %.1f", written[0], written[1], written[2]);
	}

}
