package org.rectifyflow.clue.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.clue.ClueStatus;
import org.rectifyflow.clue.Route;
import org.rectifyflow.clue.internal.ClueAccess;
import org.rectifyflow.clue.internal.ClueExtensions;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.internal.ClueLedgerHandover;
import org.rectifyflow.clue.internal.ClueViews;
import org.rectifyflow.clue.internal.IntakeReceipt;
import org.rectifyflow.clue.internal.NewClue;
import org.rectifyflow.clue.internal.Reporter;
import org.rectifyflow.kernel.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The clue register for staff: registering clues received by phone, mail, petition,
 * hotline, transfer or inspection; listing; details; extension requests; revealing a
 * reporter (discipline group only, audited).
 */
@Tag(name = "问题线索 Clues")
@RestController
@RequestMapping("/api/clues")
class ClueController {

	private final ClueIntake intake;

	private final ClueRegister register;

	private final ClueExtensions extensions;

	private final ClueLedgerHandover handover;

	private final ClueAccess access;

	ClueController(ClueIntake intake, ClueRegister register, ClueExtensions extensions, ClueLedgerHandover handover,
			ClueAccess access) {
		this.intake = intake;
		this.register = register;
		this.extensions = extensions;
		this.handover = handover;
		this.access = access;
	}

	@Operation(operationId = "registerClue", summary = "Register a clue received by staff (letter, visit, phone)")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	IntakeReceipt register(@RequestBody NewClue clue, Principal principal) {
		checkMayRegister(principal);
		return this.intake.receive(clue, List.of(), principal.getName());
	}

	@Operation(operationId = "registerClue", summary = "Register a clue received by staff (letter, visit, phone)")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	IntakeReceipt registerWithAttachments(@RequestPart("clue") NewClue clue,
			@RequestPart(name = "attachments", required = false) List<MultipartFile> attachments, Principal principal) {
		checkMayRegister(principal);
		return this.intake.receive(clue, (attachments != null) ? attachments : List.of(), principal.getName());
	}

	private void checkMayRegister(Principal principal) {
		if (this.access.of(principal.getName()) != ClueAccess.Level.FULL) {
			throw Refusal.forbidden("只有派驻纪检组可以登记问题线索", "only the discipline group may register clues");
		}
	}

	@Operation(operationId = "listClues", summary = "The clue register, filtered and paged")
	@GetMapping
	ClueViews.Page list(
			@Parameter(schema = @Schema(implementation = ClueStatus.class)) @RequestParam(
					required = false) String status,
			@Parameter(schema = @Schema(implementation = Route.class)) @RequestParam(required = false) String route,
			@Parameter(schema = @Schema(implementation = Channel.class)) @RequestParam(required = false) String channel,
			@RequestParam(required = false) String unit, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean open, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Principal principal) {
		return this.register.list(principal.getName(), status, route, channel, unit, overdue, open, page, size);
	}

	@Operation(operationId = "getClue", summary = "One clue with its handling history")
	@GetMapping("/{id}")
	ClueViews.Detail detail(@PathVariable Long id, Principal principal) {
		return this.register.detail(principal.getName(), id);
	}

	@Operation(operationId = "requestClueExtension", summary = "Request an extension of the running deadline (申请延期)")
	@PostMapping("/{id}/extension")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, String> requestExtension(@PathVariable Long id, @RequestBody ExtensionRequest request,
			Principal principal) {
		if (!this.access.isDisciplineGroup(principal.getName())) {
			throw Refusal.forbidden("只有派驻纪检组可以申请延期", "only the discipline group may request an extension");
		}
		this.extensions.request(id, request.reason(), request.workingDays(), principal.getName());
		return Map.of("message", "延期申请已提交，待纪检组组长审批");
	}

	@Operation(operationId = "revealClueReporter", summary = "Reveal a reporter's identity, audited (查看举报人信息)")
	@PostMapping("/{id}/reveal-reporter")
	Map<String, Object> revealReporter(@PathVariable Long id, @RequestBody RevealRequest request, Principal principal) {
		Reporter reporter = this.register.revealReporter(id, (request != null) ? request.reason() : null,
				principal.getName());
		if (reporter == null) {
			return Map.of("anonymous", true);
		}
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("anonymous", false);
		body.put("name", reporter.name());
		body.put("contact", reporter.contact());
		body.put("email", reporter.email());
		return body;
	}

	@Operation(operationId = "handClueToLedger", summary = "Hand a confirmed clue over to a campaign as a problem")
	@PostMapping("/{id}/to-ledger")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> toLedger(@PathVariable Long id, @RequestBody LedgerRequest request, Principal principal) {
		String code = this.handover.toLedger(id, request.campaignId(), request.categoryCode(), request.description(),
				principal.getName());
		return Map.of("ledgerEntryCode", code);
	}

	record LedgerRequest(Long campaignId, String categoryCode, String description) {

	}

	record ExtensionRequest(String reason, Integer workingDays) {

	}

	record RevealRequest(String reason) {

	}

}
