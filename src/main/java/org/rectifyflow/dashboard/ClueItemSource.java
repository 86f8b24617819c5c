package org.rectifyflow.dashboard;

import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.clue.ClueRegister;

import org.springframework.stereotype.Component;

/**
 * Problem clues (问题线索) by the unit they concern. Clues belong to no campaign: all of them
 * count.
 */
@Component
class ClueItemSource implements ItemSource {

	static final String KIND = "clue";

	private final ClueRegister clues;

	ClueItemSource(ClueRegister clues) {
		this.clues = clues;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "问题线索";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public List<TrackedItem> items(Campaign campaign, boolean withContent) {
		return this.clues.all()
			.stream()
			.map((c) -> new TrackedItem(KIND, c.getNumber(), c.getSubjectUnitCode(), c.getStatus().isOpen(),
					c.isOverdue() && c.getStatus().isOpen(), c.getDeadlineAt(), withContent ? c.getDescription() : null,
					"/api/clues/" + c.getId()))
			.toList();
	}

	@Override
	public String listLink(Campaign campaign, String unitCode, boolean overdueOnly) {
		return "/api/clues?open=true" + (overdueOnly ? "&overdue=true" : "") + "&unit=" + unitCode + "&size=200";
	}

}
