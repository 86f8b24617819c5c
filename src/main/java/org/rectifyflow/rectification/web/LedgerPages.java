package org.rectifyflow.rectification.web;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;

import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.pages.AuditTrail;
import org.rectifyflow.pages.ItemPage;
import org.rectifyflow.pages.ItemRecord;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.rectification.internal.LedgerAccess;
import org.rectifyflow.rectification.internal.StatusNames;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The printable pages of the ledger: one entry ({@code /items/ledger/{id}}) and a
 * campaign's ledger ({@code /items/campaigns/{id}/ledger}, optionally of one unit:
 * {@code ?unit=u1}), for those {@link LedgerAccess} lets see them. The audit trail is
 * shown to the entry's owners (its unit's staff, its responsible people) and the
 * discipline group.
 */
@ItemPage
class LedgerPages {

	private final LedgerService ledger;

	private final LedgerAccess access;

	private final ItemRecord record;

	private final AuditTrail trail;

	LedgerPages(LedgerService ledger, LedgerAccess access, ItemRecord record, AuditTrail trail) {
		this.ledger = ledger;
		this.access = access;
		this.record = record;
		this.trail = trail;
	}

	@GetMapping("/items/ledger/{id}")
	String entry(@PathVariable Long id, Principal principal, Model model) {
		LedgerEntry entry = this.ledger.find(id)
			.orElseThrow(() -> Refusal.notFound("台账条目不存在", "no ledger entry " + id));
		LedgerAccess.Viewer viewer = this.access.viewer(principal.getName());
		if (!viewer.canView(entry)) {
			throw Refusal.forbidden("您无权查看该整改事项：只有本单位人员、责任人和督办、整治办等可以查看。", "you may not see ledger entry " + id);
		}
		model.addAttribute("entry", entry);
		model.addAttribute("statusName", StatusNames.of(entry.getStatus()));
		model.addAttribute("progress", this.ledger.progress(id));
		this.record.addTo(model, RectificationProcess.ITEM_TYPE, id, entry.getProcessInstanceId());
		boolean owner = viewer.canWorkOn(entry) || this.access.isMember(principal.getName(), Roles.DISCIPLINE_GROUP);
		model.addAttribute("trail", owner ? this.trail.of(RectificationProcess.ITEM_TYPE, List.of(String.valueOf(id)),
				entry.getProcessInstanceId()) : null);
		return "items/ledger-entry";
	}

	@GetMapping("/items/campaigns/{campaignId}/ledger")
	String campaignLedger(@PathVariable Long campaignId, @RequestParam(required = false) String unit,
			Principal principal, Model model) {
		LedgerAccess.Viewer viewer = this.access.viewer(principal.getName());
		if (!viewer.seesAll() && viewer.units().isEmpty()) {
			throw Refusal.forbidden("您无权查看整改台账", "only unit staff and supervising roles see the ledger");
		}
		List<LedgerEntry> entries = this.ledger.entries(campaignId)
			.stream()
			.filter(viewer::canView)
			.filter((e) -> unit == null || unit.isBlank() || unit.strip().equals(e.getUnitCode()))
			.sorted(Comparator.comparing(LedgerEntry::getSeq))
			.toList();
		model.addAttribute("campaignId", campaignId);
		model.addAttribute("campaignCode", entries.isEmpty() ? "" : entries.get(0).getCampaignCode());
		model.addAttribute("entries", entries);
		model.addAttribute("unit", (unit == null || unit.isBlank()) ? null : unit.strip());
		model.addAttribute("statusNames", StatusNames.all());
		return "items/ledger-list";
	}

}
