package org.rectifyflow.dashboard.web;

import org.rectifyflow.dashboard.internal.SupervisionAccess;
import org.rectifyflow.dashboard.internal.SupervisionFigures;
import org.rectifyflow.dashboard.internal.SupervisionSummary;
import org.rectifyflow.dashboard.internal.UnitBurden;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision figures as JSON, for the dashboard and anyone with a supervising role:
 * the summary, the view per holder and the list behind every figure.
 */
@Tag(name = "督办看板 Supervision")
@RestController
class SupervisionController {

	private final SupervisionFigures supervision;

	private final SupervisionAccess access;

	private final UnitBurden burden;

	SupervisionController(SupervisionFigures supervision, SupervisionAccess access, UnitBurden burden) {
		this.supervision = supervision;
		this.access = access;
		this.burden = burden;
	}

	/**
	 * What the system asks of each unit: tasks handled, forms submitted and fields
	 * filled, per month and task, from the audit trail.
	 */
	@Operation(operationId = "getSupervisionBurden",
			summary = "The burden meter: tasks handled, forms submitted and fields filled per unit, month and task")
	@GetMapping("/api/supervision/burden")
	UnitBurden.Meter burden(@RequestParam(required = false) Long campaignId,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String month,
			Principal principal) {
		this.access.check(principal.getName());
		return this.burden.meter(campaignId, blankToNull(unit), blankToNull(month));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	@Operation(operationId = "getSupervisionSummary",
			summary = "Figures of the supervision dashboard, for all or one campaign")
	@GetMapping("/api/supervision/summary")
	SupervisionSummary summary(@RequestParam(required = false) Long campaignId, Principal principal) {
		boolean withContent = this.access.check(principal.getName());
		return this.supervision.summary(campaignId, withContent);
	}

	/**
	 * Who holds what, and how late: per person, or per group for unclaimed tasks.
	 */
	@Operation(operationId = "listSupervisionHolders",
			summary = "Who holds which items with a deadline, and how late (per person or unclaimed group)")
	@GetMapping("/api/supervision/holders")
	List<SupervisionSummary.HolderFigures> holders(@RequestParam(required = false) Long campaignId,
			Principal principal) {
		boolean withContent = this.access.check(principal.getName());
		return this.supervision.holders(campaignId, withContent);
	}

	/**
	 * The open items behind a figure of the summary.
	 */
	@Operation(operationId = "listSupervisionItems",
			summary = "The items behind a dashboard figure (by kind, place, holder, overdue)")
	@GetMapping("/api/supervision/items")
	SupervisionSummary.ItemList items(@RequestParam(required = false) Long campaignId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String place,
			@RequestParam(required = false) String holder, @RequestParam(defaultValue = "false") boolean overdue,
			Principal principal) {
		boolean withContent = this.access.check(principal.getName());
		return this.supervision.items(campaignId, kind, place, holder, overdue, withContent);
	}

}
