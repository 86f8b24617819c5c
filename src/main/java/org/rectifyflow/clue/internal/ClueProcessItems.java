package org.rectifyflow.clue.internal;

import java.util.Optional;

import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.pages.ItemLinks;
import org.rectifyflow.pages.ProcessItems;

import org.springframework.stereotype.Component;

/** A clue process shows its clue. */
@Component
class ClueProcessItems implements ProcessItems {

	private final ClueRegister register;

	ClueProcessItems(ClueRegister register) {
		this.register = register;
	}

	@Override
	public String processKey() {
		return ClueProcess.KEY;
	}

	@Override
	public Optional<String> link(String businessKey) {
		return this.register.findByNumber(businessKey).map((c) -> ItemLinks.clue(c.getId()));
	}

}
