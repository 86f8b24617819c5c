package org.rectifyflow.clue.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.internal.IntakeReceipt;
import org.rectifyflow.clue.internal.NewClue;
import org.rectifyflow.clue.internal.PublicClueStatus;
import org.rectifyflow.clue.internal.PublicRateLimitFilter;
import org.rectifyflow.kernel.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public reporting endpoints (no login; rate-limited per client by
 * {@link PublicRateLimitFilter}).
 */
@Tag(name = "公开举报 Public reporting")
@RestController
@RequestMapping("/api/public/clues")
public class PublicClueController {

	public static final String NOT_FOUND_ZH = "查询码无效，未找到对应的线索";

	private final ClueIntake intake;

	PublicClueController(ClueIntake intake) {
		this.intake = intake;
	}

	@Operation(operationId = "reportClue", summary = "Report a clue anonymously; answers a receipt code")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	IntakeReceipt report(@RequestBody NewClue clue) {
		return this.intake.receive(clue, List.of(), null);
	}

	@Operation(operationId = "reportClue", summary = "Report a clue anonymously; answers a receipt code")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	IntakeReceipt reportWithAttachments(@RequestPart("clue") NewClue clue,
			@RequestPart(name = "attachments", required = false) List<MultipartFile> attachments) {
		return this.intake.receive(clue, (attachments != null) ? attachments : List.of(), null);
	}

	@Operation(operationId = "lookUpClue", summary = "A reported clue's status by its receipt code")
	@GetMapping("/{receiptCode}")
	PublicClueStatus lookup(@PathVariable String receiptCode) {
		return this.intake.lookup(receiptCode)
			.orElseThrow(() -> Refusal.notFound(NOT_FOUND_ZH, "no clue with this receipt code"));
	}

}
