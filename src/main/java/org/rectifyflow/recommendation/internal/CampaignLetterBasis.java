package org.rectifyflow.recommendation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.document.OfficialText;
import org.rectifyflow.recommendation.LetterBasis;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's basis documents and problems for its recommendation letters, read
 * through the campaign feature's public register (recommendation depends on campaign,
 * never the other way).
 */
@Component
class CampaignLetterBasis implements LetterBasis {

	private final CampaignService campaigns;

	CampaignLetterBasis(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> documents(Long campaignId) {
		return this.campaigns.find(campaignId)
			.map((c) -> c.getBasisDocuments()
				.stream()
				.map((d) -> "《" + d.title().replaceAll("^《|》$", "") + "》"
						+ ((d.number() != null && !d.number().isBlank()) ? "（" + d.number() + "）" : ""))
				.toList())
			.orElse(List.of());
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> measures(Long campaignId, String unitCode) {
		return this.campaigns.ledgerMeasures(campaignId, unitCode);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> problems(Long campaignId) {
		List<Long> campaigns = (campaignId != null) ? List.of(campaignId)
				: this.campaigns.running().stream().map(Campaign::getId).toList();
		Map<String, String> labels = new LinkedHashMap<>();
		for (Long id : campaigns) {
			this.campaigns.problems(id)
				.stream()
				.filter((p) -> p.getStatus() == Problem.Status.REGISTERED || p.getStatus() == Problem.Status.CONFIRMED)
				.forEach((p) -> labels.put(String.valueOf(p.getId()), label(p)));
		}
		return labels;
	}

	/**
	 * A problem in words, as a letter can cite it: 「办公室自查发现的问题：会议多、文件多」, a clue's
	 * 「办公室问题线索反映的问题：……」.
	 */
	private String label(Problem problem) {
		String description = OfficialText.withoutCodes(problem.getDescription());
		if (description.codePointCount(0, description.length()) > 40) {
			description = description.substring(0, description.offsetByCodePoints(0, 40)) + "…";
		}
		return this.campaigns.unitName(problem.getUnitCode())
				+ ((problem.getSource() == Problem.Source.CLUE) ? "问题线索反映的问题：" : problem.getSource().label() + "发现的问题：")
				+ description;
	}

}
