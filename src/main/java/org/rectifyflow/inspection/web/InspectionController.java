package org.rectifyflow.inspection.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.inspection.Finding;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.inspection.InspectionRegister;
import org.rectifyflow.inspection.internal.InspectionAccess;
import org.rectifyflow.inspection.internal.MethodNames;
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.kernel.Choices;
import org.rectifyflow.kernel.Refusal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspections over HTTP: the list (filtered, limited to what the user may see) and one
 * inspection with its team, every draw record, findings, opinions and evidence. An
 * inspection the user may not see answers 404, so that a target unit cannot even learn
 * that an unannounced inspection exists.
 */
@Tag(name = "明察暗访 Inspections")
@RestController
class InspectionController {

	static final int MAX_PAGE_SIZE = 200;

	private final InspectionRegister inspections;

	private final InspectionAccess access;

	private final ApprovalOpinionService opinions;

	private final AttachmentService attachments;

	private final ObjectMapper json;

	InspectionController(InspectionRegister inspections, InspectionAccess access, ApprovalOpinionService opinions,
			AttachmentService attachments, ObjectMapper json) {
		this.inspections = inspections;
		this.access = access;
		this.opinions = opinions;
		this.attachments = attachments;
		this.json = json;
	}

	@Operation(operationId = "listInspections", summary = "List inspections the user may see")
	@GetMapping("/api/inspections")
	PageView list(
			@Parameter(schema = @Schema(implementation = Inspection.Kind.class)) @RequestParam(
					required = false) String kind,
			@Parameter(schema = @Schema(implementation = Inspection.Status.class)) @RequestParam(
					required = false) String status,
			@RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Principal principal) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw Refusal.invalid("分页参数无效：页码从0开始，每页1到" + MAX_PAGE_SIZE + "条",
					"page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
		}
		Inspection.Kind wantedKind = parse(Inspection.Kind.class, kind, "检查方式");
		Inspection.Status wantedStatus = parse(Inspection.Status.class, status, "状态");
		String unitCode = (unit == null || unit.isBlank()) ? null : unit.strip();
		InspectionAccess.Viewer viewer = this.access.viewer(principal.getName());
		List<Inspection> visible = this.inspections.all()
			.stream()
			.filter(viewer::canView)
			.filter((i) -> wantedKind == null || i.getKind() == wantedKind)
			.filter((i) -> wantedStatus == null || i.getStatus() == wantedStatus)
			.filter((i) -> unitCode == null || i.targetUnitList().contains(unitCode))
			.toList();
		int from = Math.min(page * size, visible.size());
		int to = Math.min(from + size, visible.size());
		return new PageView(visible.subList(from, to).stream().map(InspectionView::of).toList(), page, size,
				visible.size(), (visible.size() + size - 1) / size);
	}

	@Operation(operationId = "getInspection", summary = "One inspection with team, draws, findings and opinions")
	@GetMapping("/api/inspections/{id}")
	DetailView detail(@PathVariable Long id, Principal principal) {
		InspectionAccess.Viewer viewer = this.access.viewer(principal.getName());
		Inspection inspection = this.inspections.find(id)
			.filter(viewer::canView)
			.orElseThrow(() -> Refusal.notFound("检查不存在", "no inspection " + id));
		List<Finding> findings = this.inspections.findings(id);
		// A finding that became a clue belongs to the discipline group: everyone else
		// learns only how many there were, never the person, the allegation or who
		// reported it.
		List<Finding> shown = viewer.insider() ? findings
				: findings.stream().filter((f) -> f.getType() != Finding.Type.CLUE).toList();
		return new DetailView(InspectionView.of(inspection),
				this.inspections.team(id)
					.stream()
					.map((m) -> new MemberView(m.getUserId(), this.inspections.displayName(m.getUserId()),
							m.getUnitCode(), m.isTeamLeader()))
					.toList(),
				this.inspections.draws(id)
					.stream()
					.map((d) -> new DrawView(d.getId(), d.getAttempt(), d.getOutcome().name(), d.getDrawnBy(),
							d.getDrawnAt(), parse(d.getRecordJson())))
					.toList(),
				shown.stream().map(FindingView::of).toList(), findings.size() - shown.size(),
				(inspection.getProcessInstanceId() == null) ? List.of()
						: this.opinions.history(inspection.getProcessInstanceId())
							.stream()
							.map((o) -> new OpinionView(o.getTaskName(), o.getDecision(), o.getOpinion(), o.getUserId(),
									o.getCreatedAt()))
							.toList(),
				this.attachments.list(InspectionProcess.ITEM_TYPE, String.valueOf(id))
					.stream()
					.map((a) -> new AttachmentRef(a.getId(), a.getFileName(), a.getContentType(), a.getSize(),
							a.getUploadedBy(), a.getUploadedAt(), "/api/attachments/" + a.getId() + "/content"))
					.toList());
	}

	private JsonNode parse(String recordJson) {
		try {
			return this.json.readTree(recordJson);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable draw record", ex);
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String label) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Choices.parse(type, value, MethodNames::any)
			.orElseThrow(() -> Refusal.invalid(label + "无效：" + value + "，应为" + Choices.labels(type, MethodNames::any),
					"unknown " + type.getSimpleName() + " " + value + "; expected " + Choices.names(type)));
	}

	record PageView(List<InspectionView> content, int page, int size, long totalElements, int totalPages) {
	}

	record InspectionView(Long id, String code, @Schema(implementation = Inspection.Kind.class) String kind,
			String kindName, @Schema(implementation = Inspection.Status.class) String status, String statusName,
			String title, List<String> targetUnits, String places, LocalDate periodStart, LocalDate periodEnd,
			Integer teamSize, String focus, String planner, String teamLeader, int drawCount, boolean overdue,
			String reportSummary, OffsetDateTime fieldWorkEndedAt, OffsetDateTime closedAt, String processInstanceId,
			OffsetDateTime createdAt, OffsetDateTime updatedAt) {

		static InspectionView of(Inspection i) {
			return new InspectionView(i.getId(), i.getCode(), (i.getKind() != null) ? i.getKind().name() : null,
					MethodNames.of(i.getKind()), i.getStatus().name(), MethodNames.of(i.getStatus()), i.getTitle(),
					i.targetUnitList(), i.getPlaces(), i.getPeriodStart(), i.getPeriodEnd(), i.getTeamSize(),
					i.getFocus(), i.getPlanner(), i.getTeamLeader(), i.getDrawCount(), i.isOverdue(),
					i.getReportSummary(), i.getFieldWorkEndedAt(), i.getClosedAt(), i.getProcessInstanceId(),
					i.getCreatedAt(), i.getUpdatedAt());
		}

	}

	record MemberView(String userId, String name, String unitCode, boolean teamLeader) {
	}

	record DrawView(Long id, int attempt, String outcome, String drawnBy, OffsetDateTime drawnAt, JsonNode record) {
	}

	record FindingView(Long id, int seq, String method, String methodName, String place, String unitCode, String type,
			String subjectPerson, String categoryCode, String description, String recordedBy, OffsetDateTime recordedAt,
			String status, String targetRef, Long targetId, String handoverNote) {

		static FindingView of(Finding f) {
			return new FindingView(f.getId(), f.getSeq(), f.getMethod().name(), MethodNames.of(f.getMethod()),
					f.getPlace(), f.getUnitCode(), f.getType().name(), f.getSubjectPerson(), f.getCategoryCode(),
					f.getDescription(), f.getRecordedBy(), f.getRecordedAt(), f.getStatus().name(), f.getTargetRef(),
					f.getTargetId(), f.getHandoverNote());
		}

	}

	record OpinionView(String taskName, String decision, String opinion, String userId, OffsetDateTime createdAt) {
	}

	record AttachmentRef(Long id, String fileName, String contentType, long size, String uploadedBy,
			OffsetDateTime uploadedAt, String contentUrl) {
	}

	/**
	 * One inspection as the caller may see it; {@code withheldClueFindings} counts the
	 * findings that became clues and are left out of {@code findings} for a caller
	 * outside the discipline group.
	 */
	record DetailView(InspectionView inspection, List<MemberView> team, List<DrawView> draws,
			List<FindingView> findings, int withheldClueFindings, List<OpinionView> opinions,
			List<AttachmentRef> attachments) {
	}

}
