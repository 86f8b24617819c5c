package org.rectifyflow.rectification.web;

import org.rectifyflow.kernel.Paging;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.rectification.internal.LedgerAccess;
import org.rectifyflow.rectification.internal.ProgressReport;
import org.rectifyflow.rectification.internal.RectificationService;
import org.rectifyflow.rectification.internal.StatusNames;
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.kernel.Refusal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rectification ledger over HTTP: a campaign's entries (filtered, paged, limited to
 * what the user may see), one entry with its history, and progress reports.
 */
@Tag(name = "整改台账 Rectification ledger")
@RestController
class LedgerController {

	static final int MAX_PAGE_SIZE = 200;

	private final LedgerService ledger;

	private final RectificationService rectification;

	private final LedgerAccess access;

	private final ApprovalOpinionService opinions;

	private final AttachmentService attachments;

	LedgerController(LedgerService ledger, RectificationService rectification, LedgerAccess access,
			ApprovalOpinionService opinions, AttachmentService attachments) {
		this.ledger = ledger;
		this.rectification = rectification;
		this.access = access;
		this.opinions = opinions;
		this.attachments = attachments;
	}

	@Operation(operationId = "listLedgerEntries", summary = "A campaign's ledger entries, filtered and paged")
	@GetMapping("/api/campaigns/{campaignId}/ledger")
	PageView ledger(@PathVariable Long campaignId, @RequestParam(required = false) String unit,
			@Parameter(schema = @Schema(implementation = LedgerEntry.Status.class)) @RequestParam(
					required = false) String status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean open,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			Principal principal) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw Refusal.invalid("分页参数无效：页码从0开始，每页1到" + MAX_PAGE_SIZE + "条",
					"page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
		}
		LedgerEntry.Status wanted = parseStatus(status);
		LedgerAccess.Viewer viewer = this.access.viewer(principal.getName());
		String unitCode = (unit == null || unit.isBlank()) ? null : unit.strip();
		boolean allUnits;
		Set<String> units;
		if (viewer.seesAll()) {
			allUnits = unitCode == null;
			units = (unitCode != null) ? Set.of(unitCode) : Set.of("");
		}
		else {
			if (viewer.units().isEmpty()) {
				throw Refusal.forbidden("您无权查看整改台账", "only unit staff and supervising roles see the ledger");
			}
			if (unitCode != null && !viewer.units().contains(unitCode)) {
				throw Refusal.forbidden("您无权查看其他单位的整改台账", "you may only see the ledger of your own unit");
			}
			allUnits = false;
			units = (unitCode != null) ? Set.of(unitCode) : viewer.units();
		}
		Page<LedgerEntry> found = this.ledger.search(campaignId, allUnits, units, wanted, overdue,
				Boolean.TRUE.equals(open), Paging.of(page, size, Sort.by("seq")));
		return new PageView(found.getContent().stream().map(EntryView::of).toList(), found.getNumber(), found.getSize(),
				found.getTotalElements(), found.getTotalPages());
	}

	@Operation(operationId = "getLedgerEntry", summary = "One ledger entry with progress, opinions and attachments")
	@GetMapping("/api/ledger/{id}")
	DetailView entry(@PathVariable Long id, Principal principal) {
		LedgerEntry entry = visible(id, principal);
		return new DetailView(EntryView.of(entry), this.ledger.progress(id).stream().map(ProgressView::of).toList(),
				(entry.getProcessInstanceId() == null) ? List.of()
						: this.opinions.history(entry.getProcessInstanceId())
							.stream()
							.map((o) -> new OpinionView(o.getTaskName(), o.getDecision(), o.getOpinion(), o.getUserId(),
									o.getCreatedAt()))
							.toList(),
				this.attachments.list(RectificationProcess.ITEM_TYPE, String.valueOf(id))
					.stream()
					.map((a) -> new AttachmentRef(a.getId(), a.getFileName(), a.getContentType(), a.getSize(),
							a.getUploadedBy(), a.getUploadedAt(), "/api/attachments/" + a.getId() + "/content"))
					.toList());
	}

	@Operation(operationId = "reportLedgerProgress", summary = "Report progress on a ledger entry (整改进展)")
	@PostMapping("/api/ledger/{id}/progress")
	@ResponseStatus(HttpStatus.CREATED)
	ProgressView progress(@PathVariable Long id, @RequestBody(required = false) ProgressRequest request,
			Principal principal) {
		String text = (request != null && request.text() != null) ? request.text().strip() : "";
		if (text.isEmpty()) {
			throw Refusal.invalid("「整改进展」为必填项", "text is required");
		}
		if (text.codePointCount(0, text.length()) > RectificationService.TEXT) {
			throw Refusal.invalid("「整改进展」不能超过" + RectificationService.TEXT + "个字",
					"text may not be longer than " + RectificationService.TEXT + " characters");
		}
		LedgerEntry entry = visible(id, principal);
		if (!this.access.viewer(principal.getName()).canWorkOn(entry)) {
			throw Refusal.forbidden("只有本单位人员和责任人可以报告整改进展", "only the unit's staff may report progress");
		}
		if (entry.getStatus() != LedgerEntry.Status.IN_PROGRESS) {
			throw Refusal.conflict("整改事项当前状态（" + StatusNames.of(entry.getStatus()) + "）不能报告整改进展",
					"progress can only be reported while the work runs, the entry is " + entry.getStatus());
		}
		return ProgressView.of(this.rectification.reportProgress(id, text, principal.getName()));
	}

	private LedgerEntry visible(Long id, Principal principal) {
		LedgerEntry entry = this.ledger.find(id)
			.orElseThrow(() -> Refusal.notFound("台账条目不存在", "no ledger entry " + id));
		if (!this.access.mayRead(principal.getName(), entry)) {
			throw Refusal.forbidden("您无权查看该整改事项", "you may not see ledger entry " + id);
		}
		return entry;
	}

	private static LedgerEntry.Status parseStatus(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return LedgerEntry.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid("状态无效：" + status, "unknown status " + status);
		}
	}

	record ProgressRequest(String text) {
	}

	record PageView(List<EntryView> content, int page, int size, long totalElements, int totalPages) {
	}

	record EntryView(Long id, String code, Long campaignId, String campaignCode, Long problemId, String unitCode,
			String categoryCode, String categoryName, String description, String source, String sourceRef,
			@Schema(implementation = LedgerEntry.Status.class) String status, String statusName,
			String responsibleLeader, String responsiblePerson, String measures, OffsetDateTime deadline,
			boolean overdue, OffsetDateTime overdueSince, String evidenceNote, String carriedOverReason,
			OffsetDateTime closedAt, OffsetDateTime carriedOverAt, String processInstanceId, OffsetDateTime createdAt,
			OffsetDateTime updatedAt) {

		static EntryView of(LedgerEntry e) {
			return new EntryView(e.getId(), e.getCode(), e.getCampaignId(), e.getCampaignCode(), e.getProblemId(),
					e.getUnitCode(), e.getCategoryCode(), e.getCategoryName(), e.getDescription(), e.getSource(),
					e.getSourceRef(), e.getStatus().name(), StatusNames.of(e.getStatus()), e.getResponsibleLeader(),
					e.getResponsiblePerson(), e.getMeasures(), e.getDeadline(), e.isOverdue(), e.getOverdueSince(),
					e.getEvidenceNote(), e.getCarriedOverReason(), e.getClosedAt(), e.getCarriedOverAt(),
					e.getProcessInstanceId(), e.getCreatedAt(), e.getUpdatedAt());
		}

	}

	record ProgressView(Long id, String text, String reportedBy, OffsetDateTime reportedAt) {

		static ProgressView of(ProgressReport r) {
			return new ProgressView(r.getId(), r.getText(), r.getReportedBy(), r.getReportedAt());
		}

	}

	record OpinionView(String taskName, String decision, String opinion, String userId, OffsetDateTime createdAt) {
	}

	record AttachmentRef(Long id, String fileName, String contentType, long size, String uploadedBy,
			OffsetDateTime uploadedAt, String contentUrl) {
	}

	record DetailView(EntryView entry, List<ProgressView> progress, List<OpinionView> opinions,
			List<AttachmentRef> attachments) {
	}

}
