package org.rectifyflow.clue.internal;

import java.time.LocalDate;

/**
 * All the public may learn with a receipt code: the status and, once closed, the
 * feedback. No names, no handlers, no content.
 *
 * @param clueNumber the clue number
 * @param status the status code
 * @param statusText the status in Chinese
 * @param receivedOn the day the clue was received
 * @param closed whether handling has ended
 * @param feedback the feedback text once closed, else {@code null}
 */
public record PublicClueStatus(String clueNumber, String status, String statusText, LocalDate receivedOn,
		boolean closed, String feedback) {

}
