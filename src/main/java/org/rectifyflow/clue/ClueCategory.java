package org.rectifyflow.clue;

/**
 * What a clue is about: the five kinds of formalism and bureaucratism of the campaign
 * (seed report 000), misconduct of a person, and anything else.
 */
public enum ClueCategory {

	DECISION_IMPLEMENTATION("贯彻上级决策部署不力"), RESEARCH("调查研究走过场"), WORK_IMPLEMENTATION("抓落实不实不细"),
	MEETINGS_DOCUMENTS("文山会海"), RESPONSIBILITY("担当履责不力"), MISCONDUCT("违规违纪"), OTHER("其他");

	private final String label;

	ClueCategory(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
