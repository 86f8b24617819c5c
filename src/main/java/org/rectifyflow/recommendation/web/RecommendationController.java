package org.rectifyflow.recommendation.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.recommendation.RecommendationLetters;
import org.rectifyflow.recommendation.RecommendationProcess;
import org.rectifyflow.recommendation.internal.LetterDocument;
import org.rectifyflow.recommendation.internal.RecommendationAccess;
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.kernel.Choices;
import org.rectifyflow.kernel.Refusal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recommendation letters over HTTP: the list (filtered by unit, kind, status, overdue),
 * one letter with its replies, opinions and evidence, and the letter as a Word document.
 */
@Tag(name = "建议书 Recommendations")
@RestController
class RecommendationController {

	static final int MAX_PAGE_SIZE = 200;

	private final RecommendationLetters recommendations;

	private final RecommendationAccess access;

	private final LetterDocument document;

	private final ApprovalOpinionService opinions;

	private final AttachmentService attachments;

	RecommendationController(RecommendationLetters recommendations, RecommendationAccess access,
			LetterDocument document, ApprovalOpinionService opinions, AttachmentService attachments) {
		this.recommendations = recommendations;
		this.access = access;
		this.document = document;
		this.opinions = opinions;
		this.attachments = attachments;
	}

	@Operation(operationId = "listRecommendations", summary = "List recommendation letters the user may see")
	@GetMapping("/api/recommendations")
	PageView list(@RequestParam(required = false) String unit,
			@Parameter(schema = @Schema(implementation = RecommendationLetter.Kind.class)) @RequestParam(
					required = false) String kind,
			@Parameter(schema = @Schema(implementation = RecommendationLetter.Status.class)) @RequestParam(
					required = false) String status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Principal principal) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw Refusal.invalid("分页参数无效：页码从0开始，每页1到" + MAX_PAGE_SIZE + "条",
					"page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
		}
		RecommendationLetter.Kind wantedKind = parse(RecommendationLetter.Kind.class, kind, "建议书种类");
		RecommendationLetter.Status wantedStatus = parse(RecommendationLetter.Status.class, status, "状态");
		String unitCode = (unit == null || unit.isBlank()) ? null : unit.strip();
		RecommendationAccess.Viewer viewer = this.access.viewer(principal.getName());
		List<RecommendationLetter> visible = this.recommendations.all()
			.stream()
			.filter(viewer::canView)
			.filter((l) -> unitCode == null || unitCode.equals(l.getUnitCode()))
			.filter((l) -> wantedKind == null || wantedKind == l.getKind())
			.filter((l) -> wantedStatus == null || wantedStatus == l.getStatus())
			.filter((l) -> overdue == null || overdue == l.isOverdue())
			.toList();
		int from = Math.min(page * size, visible.size());
		int to = Math.min(from + size, visible.size());
		return new PageView(visible.subList(from, to).stream().map(this::view).toList(), page, size, visible.size(),
				(visible.size() + size - 1) / size);
	}

	@Operation(operationId = "getRecommendation", summary = "One letter with its replies, opinions and attachments")
	@GetMapping("/api/recommendations/{id}")
	DetailView detail(@PathVariable Long id, Principal principal) {
		RecommendationLetter letter = visible(id, principal);
		return new DetailView(view(letter), this.recommendations.replies(id)
			.stream()
			.map((r) -> new ReplyView(r.getSeq(), r.getMeasures(), r.getEvidenceNote(), r.getRepliedBy(),
					r.getRepliedAt(), r.getVerdict(), r.getVerdictReason(), r.getVerifiedBy(), r.getVerifiedAt()))
			.toList(),
				(letter.getProcessInstanceId() == null) ? List.of()
						: this.opinions.history(letter.getProcessInstanceId())
							.stream()
							.map((o) -> new OpinionView(o.getTaskName(), o.getDecision(), o.getOpinion(), o.getUserId(),
									o.getCreatedAt()))
							.toList(),
				this.attachments.list(RecommendationProcess.ITEM_TYPE, String.valueOf(id))
					.stream()
					.map((a) -> new AttachmentRef(a.getId(), a.getFileName(), a.getSize(), a.getUploadedBy(),
							a.getUploadedAt(), "/api/attachments/" + a.getId() + "/content"))
					.toList());
	}

	@Operation(operationId = "downloadRecommendationLetter", summary = "The letter as a Word document")
	@GetMapping("/api/recommendations/{id}/letter.docx")
	ResponseEntity<byte[]> letter(@PathVariable Long id, Principal principal) {
		RecommendationLetter letter = visible(id, principal);
		if (!letter.isIssued()) {
			throw Refusal.conflict("建议书尚未印发", "letter " + letter.getCode() + " is not issued yet");
		}
		byte[] bytes = this.document.render(letter, this.recommendations.unitName(letter.getUnitCode()));
		String fileName = letter.getKind().title() + "-" + letter.getDocNumber() + ".docx";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(LetterDocument.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}

	private RecommendationLetter visible(Long id, Principal principal) {
		return this.recommendations.find(id)
			.filter((l) -> this.access.mayRead(principal.getName(), l))
			.orElseThrow(() -> Refusal.notFound("建议书不存在", "no recommendation letter " + id));
	}

	private LetterView view(RecommendationLetter l) {
		return new LetterView(l.getId(), l.getCode(), (l.getKind() != null) ? l.getKind().name() : null,
				(l.getKind() != null) ? l.getKind().title() : null, l.getDocNumber(), l.getStatus().name(),
				l.getUnitCode(), (l.getUnitCode() != null) ? this.recommendations.unitName(l.getUnitCode()) : null,
				l.getProblems(), l.getBasisRefs(), l.getRequirements(), l.getReplyWorkingDays(), l.getReplyDeadline(),
				l.getRecipient(), l.isOverdue(), l.getOrigin().name(), l.getOriginRef(), l.getCampaignId(),
				l.getStartedBy(), l.getDraftedBy(), l.getIssuedAt(), l.getClosedAt(), l.getProcessInstanceId(),
				l.isIssued() ? "/api/recommendations/" + l.getId() + "/letter.docx" : null);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String label) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Choices.parse(type, value)
			.orElseThrow(() -> Refusal.invalid(label + "无效：" + value + "，应为" + Choices.labels(type),
					"unknown " + type.getSimpleName() + " " + value + "; expected " + Choices.names(type)));
	}

	record PageView(List<LetterView> content, int page, int size, long totalElements, int totalPages) {
	}

	record LetterView(Long id, String code, @Schema(implementation = RecommendationLetter.Kind.class) String kind,
			String kindName, String docNumber,
			@Schema(implementation = RecommendationLetter.Status.class) String status, String unitCode, String unitName,
			String problems, String basisRefs, String requirements, Integer replyWorkingDays,
			OffsetDateTime replyDeadline, String recipient, boolean overdue, String origin, String originRef,
			Long campaignId, String startedBy, String draftedBy, OffsetDateTime issuedAt, OffsetDateTime closedAt,
			String processInstanceId, String letterUrl) {
	}

	record ReplyView(int seq, String measures, String evidenceNote, String repliedBy, OffsetDateTime repliedAt,
			String verdict, String verdictReason, String verifiedBy, OffsetDateTime verifiedAt) {
	}

	record OpinionView(String taskName, String decision, String opinion, String userId, OffsetDateTime createdAt) {
	}

	record AttachmentRef(Long id, String fileName, long size, String uploadedBy, OffsetDateTime uploadedAt,
			String contentUrl) {
	}

	record DetailView(LetterView letter, List<ReplyView> replies, List<OpinionView> opinions,
			List<AttachmentRef> attachments) {
	}

}
