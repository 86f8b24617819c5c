package org.rectifyflow.clue;

/**
 * Route of an accepted clue, decided by {@code clue-triage.dmn}.
 */
public enum Route {

	/** 快查快结, green channel: short fixed deadline. */
	GREEN,
	/** 限期办结: deadline set by the discipline lead at triage. */
	STANDARD

}
