package org.rectifyflow.clue.internal;

import java.time.OffsetDateTime;

/**
 * A clue a new clue may repeat, as the registration form offers it.
 *
 * @param number the clue's number
 * @param receivedAt when it came in
 * @param description what it says
 */
public record DuplicateCandidate(String number, OffsetDateTime receivedAt, String description) {
}
