package org.rectifyflow.clue;

import java.time.OffsetDateTime;

/**
 * Published when a clue has been closed (办结) with its feedback (in the closing
 * transaction).
 *
 * @param number the clue number
 * @param route its route, {@code null} if it was never triaged
 * @param receivedAt when it was received
 * @param closedAt when it was closed
 */
public record ClueClosed(String number, Route route, OffsetDateTime receivedAt, OffsetDateTime closedAt) {

}
