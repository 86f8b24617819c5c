package org.rectifyflow.clue;

/**
 * The reporter's identity and contact, as revealed to the discipline group.
 *
 * @param name the name
 * @param contact phone or address
 * @param email mail address for the feedback
 */
record Reporter(String name, String contact, String email) {

}
