package org.rectifyflow.rectification;

import java.time.OffsetDateTime;

/**
 * Published when the campaign office accepted the closure (销号) of a ledger entry (in the
 * accepting transaction).
 *
 * @param code the entry code
 * @param unitCode the unit
 * @param openedAt when the entry was opened
 * @param closedAt when it was closed
 */
public record LedgerEntryClosed(String code, String unitCode, OffsetDateTime openedAt, OffsetDateTime closedAt) {

}
