package org.rectifyflow.clue.internal;

/**
 * What the reporter gets back, once: the clue number and the receipt code (查询码).
 *
 * @param clueNumber the clue number
 * @param receiptCode the receipt code; it is not stored and cannot be shown again
 * @param message a Chinese note for the reporter
 */
public record IntakeReceipt(String clueNumber, String receiptCode, String message) {

}
