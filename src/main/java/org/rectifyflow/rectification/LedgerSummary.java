package org.rectifyflow.rectification;

import java.util.Map;

/**
 * Statistics of a campaign's rectification ledger. Maps are ordered by key.
 *
 * @param total all entries
 * @param open entries neither closed nor carried over
 * @param overdue open entries marked overdue (their deadline passed with the work open)
 * @param closed entries closed (销号)
 * @param carriedOver entries carried over (结转)
 * @param closureRate closed ÷ total (0 when there are no entries)
 * @param byUnit entries per unit code
 * @param byCategory entries per category code
 * @param byStatus entries per {@link LedgerEntry.Status} name
 * @param overdueByUnit open overdue entries per unit code (units without any are left
 * out)
 */
public record LedgerSummary(long total, long open, long overdue, long closed, long carriedOver, double closureRate,
		Map<String, Long> byUnit, Map<String, Long> byCategory, Map<String, Long> byStatus,
		Map<String, Long> overdueByUnit) {

}
