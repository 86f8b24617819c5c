package org.rectifyflow.campaign.web;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.internal.CampaignCategory;
import org.rectifyflow.campaign.internal.CampaignTaxonomy;
import org.rectifyflow.kernel.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The problem taxonomy (问题分类: aspects and kinds) the campaign office keeps, and the copy
 * each campaign took when it started.
 */
@Tag(name = "专项整治 Campaigns")
@RestController
class TaxonomyController {

	private final CampaignTaxonomy taxonomy;

	private final CampaignService campaigns;

	TaxonomyController(CampaignTaxonomy taxonomy, CampaignService campaigns) {
		this.taxonomy = taxonomy;
		this.campaigns = campaigns;
	}

	@Operation(operationId = "listTaxonomyCategories",
			summary = "The problem taxonomy: aspects and kinds, active or not, with their clue categories")
	@GetMapping("/api/taxonomy/categories")
	List<CampaignTaxonomy.CategoryView> categories() {
		return this.taxonomy.all();
	}

	@Operation(operationId = "createProblemCategory",
			summary = "Add an aspect (no parent) or a kind under an aspect (campaign office)")
	@PostMapping("/api/taxonomy/categories")
	@ResponseStatus(HttpStatus.CREATED)
	CampaignTaxonomy.CategoryView create(@RequestBody(required = false) CampaignTaxonomy.NewCategory body,
			Principal principal) {
		return this.taxonomy.create(body, principal.getName());
	}

	@Operation(operationId = "reviseProblemCategory",
			summary = "Rename, (de)activate or map a category to a clue category (campaign office)")
	@PutMapping("/api/taxonomy/categories/{code}")
	CampaignTaxonomy.CategoryView revise(@PathVariable String code,
			@RequestBody(required = false) CampaignTaxonomy.Revision body, Principal principal) {
		return this.taxonomy.revise(code, body, principal.getName());
	}

	@Operation(operationId = "getCampaignTaxonomy", summary = "The taxonomy a campaign took when it started")
	@GetMapping("/api/campaigns/{id}/taxonomy")
	List<CampaignCategory> campaignTaxonomy(@PathVariable Long id) {
		this.campaigns.find(id).orElseThrow(() -> Refusal.notFound("整治活动不存在", "no campaign " + id));
		return this.taxonomy.of(id);
	}

}
