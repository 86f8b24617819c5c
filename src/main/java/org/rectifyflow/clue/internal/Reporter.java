package org.rectifyflow.clue.internal;

/**
 * The reporter's identity and contact, as revealed to the discipline group.
 *
 * @param name the name
 * @param contact phone or address
 * @param email mail address for the feedback
 */
public record Reporter(String name, String contact, String email) {

}
