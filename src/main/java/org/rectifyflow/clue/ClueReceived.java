package org.rectifyflow.clue;

import java.time.OffsetDateTime;

/**
 * Published when a clue has been registered (in the registering transaction). Carries no
 * content and nothing about the reporter.
 *
 * @param number the clue number
 * @param channel the channel it came through
 * @param receivedAt when it was received
 */
public record ClueReceived(String number, Channel channel, OffsetDateTime receivedAt) {

}
