package org.rectifyflow.rectification.internal;

import java.util.Optional;

import org.rectifyflow.pages.ItemLinks;
import org.rectifyflow.pages.ProcessItems;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;

import org.springframework.stereotype.Component;

/** A rectification process shows its ledger entry. */
@Component
class LedgerProcessItems implements ProcessItems {

	private final LedgerService ledger;

	LedgerProcessItems(LedgerService ledger) {
		this.ledger = ledger;
	}

	@Override
	public String processKey() {
		return RectificationProcess.KEY;
	}

	@Override
	public Optional<String> link(String businessKey) {
		return this.ledger.findByCode(businessKey).map((e) -> ItemLinks.ledgerEntry(e.getId()));
	}

}
