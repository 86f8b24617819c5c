package org.rectifyflow.clue;

/**
 * Route of an accepted clue, decided by {@code clue-triage.dmn}.
 */
public enum Route {

	/** 快查快结, green channel: short fixed deadline. */
	GREEN("快查快结（绿色通道）"),
	/** 限期办结: deadline set by the discipline lead at triage. */
	STANDARD("限期办结");

	private final String label;

	Route(String label) {
		this.label = label;
	}

	/**
	 * @return the route as forms and pages show it
	 */
	public String label() {
		return this.label;
	}

}
