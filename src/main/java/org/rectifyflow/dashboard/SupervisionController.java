package org.rectifyflow.dashboard;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision figures as JSON, for the dashboard and anyone with a supervising role.
 */
@Tag(name = "督办看板 Supervision")
@RestController
class SupervisionController {

	private final SupervisionFigures supervision;

	private final SupervisionAccess access;

	SupervisionController(SupervisionFigures supervision, SupervisionAccess access) {
		this.supervision = supervision;
		this.access = access;
	}

	@Operation(operationId = "getSupervisionSummary",
			summary = "Figures of the supervision dashboard, for all or one campaign")
	@GetMapping("/api/supervision/summary")
	SupervisionSummary summary(@RequestParam(required = false) Long campaignId, Principal principal) {
		boolean withContent = this.access.check(principal.getName());
		return this.supervision.summary(campaignId, withContent);
	}

}
