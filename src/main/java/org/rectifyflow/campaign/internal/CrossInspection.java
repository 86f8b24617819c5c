package org.rectifyflow.campaign.internal;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 互查: which scope unit inspects which, drawn once per campaign by
 * {@link CrossInspectionPlanner}. Called by {@code campaign.bpmn} (the draw, the
 * multi-instance collection, the task names) and by {@link CampaignTasks}.
 */
@Service("crossInspection")
@Transactional
public class CrossInspection {

	private final CrossAssignmentRepository assignments;

	private final CampaignService register;

	private final AuditService audit;

	private final RandomGenerator random = RandomGenerator.getDefault();

	CrossInspection(CrossAssignmentRepository assignments, CampaignService register, AuditService audit) {
		this.assignments = assignments;
		this.register = register;
		this.audit = audit;
	}

	/**
	 * Draws the 互查 assignment. With a single scope unit there is nobody to inspect it: 互查
	 * is skipped. Drawing again keeps the first draw.
	 * @param campaignId the campaign
	 * @return whether 互查 takes place (process variable {@code crossInspectionNeeded})
	 */
	public boolean assign(Long campaignId) {
		List<String> units = this.register.scopeUnits(campaignId);
		if (units.size() < 2) {
			this.audit.record("CROSS_INSPECTION_SKIPPED", CampaignService.ITEM_CAMPAIGN, String.valueOf(campaignId),
					null, "single scope unit " + units);
			return false;
		}
		if (!this.assignments.findByCampaignIdOrderByInspectorUnitAsc(campaignId).isEmpty()) {
			return true;
		}
		Map<String, String> assignment = CrossInspectionPlanner.assign(units, this.random);
		assignment.forEach(
				(inspector, inspected) -> this.assignments.save(new CrossAssignment(campaignId, inspector, inspected)));
		this.audit.record("CROSS_INSPECTION_ASSIGNED", CampaignService.ITEM_CAMPAIGN, String.valueOf(campaignId), null,
				assignment.toString());
		return true;
	}

	/**
	 * @param campaignId the campaign
	 * @return the inspector units of 互查 (the multi-instance collection)
	 */
	@Transactional(readOnly = true)
	public List<String> inspectors(Long campaignId) {
		return this.register.crossAssignments(campaignId).stream().map(CrossAssignment::getInspectorUnit).toList();
	}

	/**
	 * @param campaignId the campaign
	 * @param inspectorUnit an inspector unit
	 * @return the unit it inspects
	 * @throws Refusal (not found) if the unit inspects nobody in this campaign
	 */
	@Transactional(readOnly = true)
	public String inspectedBy(Long campaignId, String inspectorUnit) {
		return this.assignments.findByCampaignIdAndInspectorUnit(campaignId, inspectorUnit)
			.map(CrossAssignment::getInspectedUnit)
			.orElseThrow(() -> Refusal.notFound("单位「" + inspectorUnit + "」没有互查任务",
					"no cross-inspection assignment for " + inspectorUnit));
	}

}
