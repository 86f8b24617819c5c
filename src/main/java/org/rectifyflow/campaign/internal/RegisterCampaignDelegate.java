package org.rectifyflow.campaign.internal;

import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignPlanning;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Phase;
import org.rectifyflow.campaign.PhaseDeadlines;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterCampaign}, right after the start event: validates the start form
 * (Tasklist or {@code POST /api/campaigns}), stores the campaign with its draft plan,
 * sets the business key to the campaign code and keeps only small variables. A
 * {@link org.rectifyflow.taskrules.TaskRuleViolation} refuses the start. A delegate
 * because it sets the business key and several variables.
 */
@Component("registerCampaign")
class RegisterCampaignDelegate implements JavaDelegate {

	static final List<String> FORM_VARIABLES = List.of(CampaignProcess.VAR_TITLE, CampaignProcess.VAR_BASIS_DOCUMENTS,
			CampaignProcess.VAR_SCOPE_UNITS, CampaignProcess.VAR_SELF_INSPECTION_DEADLINE,
			CampaignProcess.VAR_CROSS_INSPECTION_DEADLINE, CampaignProcess.VAR_REVIEW_DEADLINE,
			CampaignProcess.VAR_RECTIFICATION_DEADLINE, CampaignProcess.VAR_REGULATION_DEADLINE);

	private final CampaignPlanning planning;

	private final CampaignClock clock;

	private final AuditService audit;

	private final CampaignService register;

	RegisterCampaignDelegate(CampaignPlanning planning, CampaignClock clock, AuditService audit,
			CampaignService register) {
		this.register = register;
		this.planning = planning;
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ZoneId zone = this.clock.zone();
		PhaseDeadlines deadlines = CampaignForms.deadlines(execution::getVariable, zone);
		Campaign campaign = this.planning.register(
				String.valueOf(orEmpty(execution.getVariable(CampaignProcess.VAR_TITLE))),
				CampaignInputs.basisDocuments(execution.getVariable(CampaignProcess.VAR_BASIS_DOCUMENTS)),
				scopeUnits(execution.getVariable(CampaignProcess.VAR_SCOPE_UNITS)), deadlines,
				this.audit.currentActor());
		this.planning.attachProcess(campaign.getId(), execution.getProcessInstanceId());
		execution.setProcessBusinessKey(campaign.getCode());
		execution.removeVariables(FORM_VARIABLES);
		execution.setVariable(CampaignProcess.VAR_CAMPAIGN_ID, campaign.getId());
		execution.setVariable(CampaignProcess.VAR_CAMPAIGN_CODE, campaign.getCode());
		execution.setVariable(CampaignProcess.VAR_CAMPAIGN_NAME, campaign.getCode() + " " + campaign.getTitle());
		execution.setVariable(CampaignProcess.VAR_PHASE, Phase.MOBILIZE.label());
	}

	/**
	 * The units named at the start (the API), or every active unit (the start form, which
	 * keeps the field hidden: the scope is chosen in the plan).
	 */
	private List<String> scopeUnits(Object value) {
		return (value == null || String.valueOf(value).isBlank()) ? List.copyOf(this.register.unitNames().keySet())
				: CampaignInputs.codes(value);
	}

	private static Object orEmpty(Object value) {
		return (value != null) ? value : "";
	}

}
