package org.rectifyflow.recommendation.internal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.recommendation.RecommendationProcess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters proposed from outside the discipline group's own drafting: a campaign's
 * systemic-problem flag becomes a {@code recommendation} process that starts at the
 * draft, with the unit and the problems filled in.
 */
@Service
public class LetterProposals {

	private final RecommendationLetterRepository letters;

	private final OrganisationService organisation;

	private final RuntimeService runtimeService;

	private final SystemAuthority systemAuthority;

	LetterProposals(RecommendationLetterRepository letters, OrganisationService organisation,
			RuntimeService runtimeService, SystemAuthority systemAuthority) {
		this.letters = letters;
		this.organisation = organisation;
		this.runtimeService = runtimeService;
		this.systemAuthority = systemAuthority;
	}

	/**
	 * Starts a recommendation letter for a systemic-problem flag of a campaign, after the
	 * discipline group decided to issue one (the campaign's "decide whether to issue a
	 * letter" task). The draft task starts with the unit and the problems filled in.
	 * @param proposal the flag's unit, problems and references
	 * @return the letter in drafting
	 * @throws Refusal (400) if the unit is unknown, inactive or has no leader, or the
	 * problems are blank
	 */
	@Transactional
	public RecommendationLetter proposeFromFlag(Proposal proposal) {
		Unit unit = this.organisation.findUnit(proposal.unitCode())
			.filter(Unit::isActive)
			.orElseThrow(() -> Refusal.invalid("单位不存在或已停用：" + proposal.unitCode(),
					"unknown or inactive unit " + proposal.unitCode()));
		if (proposal.problems() == null || proposal.problems().isBlank()) {
			throw Refusal.invalid("「存在的问题」为必填项", "problems are required");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(RecommendationService.VAR_ORIGIN, RecommendationLetter.Origin.CAMPAIGN_FLAG.name());
		variables.put(RecommendationService.VAR_ORIGIN_REF, proposal.flagRef());
		variables.put(RecommendationService.VAR_CAMPAIGN_ID, proposal.campaignId());
		variables.put(RecommendationProcess.VAR_STARTED_BY, proposal.decidedBy());
		variables.put(RecommendationProcess.VAR_UNIT_CODE, unit.getCode());
		variables.put(RecommendationProcess.VAR_PROBLEMS,
				RecommendationService.cut(proposal.problems().strip(), RecommendationService.TEXT));
		variables.put(RecommendationProcess.VAR_BASIS_REFS, proposal.basisRefs());
		ProcessInstance instance = this.systemAuthority
			.call(() -> this.runtimeService.startProcessInstanceByKey(RecommendationProcess.KEY, variables));
		return this.letters.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

	/**
	 * A campaign flag that should become a letter.
	 *
	 * @param campaignId the campaign
	 * @param flagRef the flag's reference (e.g. {@code analysis-flag/12})
	 * @param unitCode the unit to write to
	 * @param problems the systemic problems, in Chinese
	 * @param basisRefs codes of the problems or ledger entries, may be {@code null}
	 * @param decidedBy who decided to issue a letter
	 */
	public record Proposal(Long campaignId, String flagRef, String unitCode, String problems, String basisRefs,
			String decidedBy) {
	}

}
