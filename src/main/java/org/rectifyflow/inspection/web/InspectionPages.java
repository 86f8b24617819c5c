package org.rectifyflow.inspection.web;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectifyflow.inspection.Finding;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.inspection.InspectionRegister;
import org.rectifyflow.inspection.internal.InspectionAccess;
import org.rectifyflow.inspection.internal.MethodNames;
import org.rectifyflow.inspection.internal.TeamDrawRecord;
import org.rectifyflow.pages.AuditTrail;
import org.rectifyflow.pages.ItemPage;
import org.rectifyflow.pages.ItemRecord;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The printable pages of inspections: one inspection ({@code /items/inspections/{id}})
 * and the list of those the reader may see ({@code /items/inspections}), as
 * {@link InspectionAccess} allows: an unannounced inspection (暗访) stays inside the
 * discipline group, its planner and its team until its field work ends; an inspection a
 * reader may not see does not exist for that reader (404). A finding that became a clue
 * is shown to the discipline group only. The audit trail is shown to the discipline
 * group, the planner and the team.
 */
@ItemPage
class InspectionPages {

	private final InspectionRegister inspections;

	private final InspectionAccess access;

	private final ItemRecord record;

	private final AuditTrail trail;

	private final ObjectMapper json;

	InspectionPages(InspectionRegister inspections, InspectionAccess access, ItemRecord record, AuditTrail trail,
			ObjectMapper json) {
		this.json = json;
		this.inspections = inspections;
		this.access = access;
		this.record = record;
		this.trail = trail;
	}

	@GetMapping("/items/inspections/{id}")
	String inspection(@PathVariable Long id, Principal principal, Model model) {
		InspectionAccess.Viewer viewer = this.access.viewer(principal.getName());
		Inspection inspection = this.record.readable(this.inspections.find(id), viewer::canView, "检查不存在",
				"no inspection " + id);
		List<Finding> findings = this.inspections.findings(id);
		List<Finding> shown = viewer.insider() ? findings
				: findings.stream().filter((f) -> f.getType() != Finding.Type.CLUE).toList();
		model.addAttribute("inspection", inspection);
		model.addAttribute("kindName", MethodNames.of(inspection.getKind()));
		model.addAttribute("statusName", MethodNames.of(inspection.getStatus()));
		model.addAttribute("team", this.inspections.team(id));
		model.addAttribute("findings", shown);
		model.addAttribute("hiddenFindings", findings.size() - shown.size());
		model.addAttribute("methods",
				Arrays.stream(Finding.Method.values()).collect(Collectors.toMap(Enum::name, MethodNames::of)));
		model.addAttribute("findingStates", Map.of("RECORDED", "已记录", "HANDED_OVER", "已移交", "PENDING", "待移交"));
		this.record.addTo(model, InspectionProcess.ITEM_TYPE, id, inspection.getProcessInstanceId());
		boolean owner = viewer.insider() || principal.getName().equals(inspection.getPlanner())
				|| viewer.teamOf().contains(id);
		model.addAttribute("draws",
				viewer.insider() ? this.inspections.draws(id).stream().map(this::draw).toList() : List.of());
		model.addAttribute("trail", owner ? this.trail.of(InspectionProcess.ITEM_TYPE, List.of(String.valueOf(id)),
				inspection.getProcessInstanceId()) : null);
		return "items/inspection";
	}

	private DrawLine draw(TeamDrawRecord record) {
		List<String> candidates = new ArrayList<>();
		List<Excluded> exclusions = new ArrayList<>();
		String message = null;
		try {
			JsonNode node = this.json.readTree(record.getRecordJson());
			node.path("candidates").forEach((c) -> candidates.add(c.path("userId").asText()));
			node.path("exclusions")
				.forEach((e) -> exclusions.add(new Excluded(e.path("userId").asText(), e.path("reasonText").asText())));
			message = node.path("message").asText(null);
		}
		catch (JsonProcessingException ex) {
			message = "抽取记录无法读取";
		}
		return new DrawLine(record.getAttempt(),
				(record.getOutcome() == TeamDrawRecord.Outcome.DRAWN) ? "抽取成功" : "符合条件的人员不足", record.getDrawnBy(),
				record.getDrawnAt(), candidates, exclusions, message);
	}

	/**
	 * One team draw as the page shows it (discipline group only).
	 */
	record DrawLine(int attempt, String outcome, String drawnBy, OffsetDateTime drawnAt, List<String> candidates,
			List<Excluded> exclusions, String message) {
	}

	/**
	 * A person kept off the team, and why.
	 */
	record Excluded(String userId, String reason) {
	}

	@GetMapping("/items/inspections")
	String inspections(Principal principal, Model model) {
		InspectionAccess.Viewer viewer = this.access.viewer(principal.getName());
		List<Inspection> visible = this.inspections.all().stream().filter(viewer::canView).toList();
		model.addAttribute("inspections", visible);
		model.addAttribute("kindNames",
				Arrays.stream(Inspection.Kind.values()).collect(Collectors.toMap(Enum::name, MethodNames::of)));
		model.addAttribute("statusNames",
				Arrays.stream(Inspection.Status.values()).collect(Collectors.toMap(Enum::name, MethodNames::of)));
		return "items/inspection-list";
	}

}
