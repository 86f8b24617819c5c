package org.rectifyflow.dashboard.internal;

import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.stereotype.Component;

/**
 * Problem clues (问题线索), read through the clue register. Clues belong to no campaign: all
 * of them count. Until a clue has its handling deadline, the due date of its registration
 * task (受理登记, three working days) is its deadline.
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
	public List<TrackedItem> openItems(Campaign campaign) {
		return this.clues.all()
			.stream()
			.filter((c) -> c.getStatus().isOpen())
			.map((c) -> new TrackedItem(KIND, c.getNumber(), c.getSubjectUnitCode(), true, c.getDeadlineAt(),
					c.getDescription(), ItemLinks.clue(c.getId()), c.getProcessInstanceId(), true))
			.toList();
	}

}
