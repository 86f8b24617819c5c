package org.rectifyflow.campaign.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rectifyflow.inspection.InspectionCategories;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The taxonomy's active categories as the inspection forms offer them: an aspect by its
 * name, a kind as 「aspect／kind」.
 */
@Component
class CampaignInspectionCategories implements InspectionCategories {

	private final CampaignTaxonomy taxonomy;

	CampaignInspectionCategories(CampaignTaxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> labelsByCode() {
		Map<String, String> labels = new LinkedHashMap<>();
		this.taxonomy.all()
			.stream()
			.filter(CampaignTaxonomy.CategoryView::active)
			.forEach(
					(c) -> labels.put(c.code(), (c.parentName() != null) ? c.parentName() + "／" + c.name() : c.name()));
		return labels;
	}

}
