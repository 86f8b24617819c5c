package org.rectifyflow.campaign.internal;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A campaign's own copy of one category of the taxonomy, taken when the campaign started:
 * later changes to the taxonomy do not change a campaign that runs.
 */
@Entity
@Immutable
@IdClass(CampaignCategory.Key.class)
@Table(name = "campaign_category")
public class CampaignCategory {

	@Id
	@Column(name = "campaign_id")
	private Long campaignId;

	@Id
	private String code;

	@Column(nullable = false)
	private String name;

	@Column(name = "parent_code")
	private String parentCode;

	@Column(name = "sort_order", nullable = false)
	private int sortOrder;

	@Column(name = "clue_category")
	private String clueCategory;

	protected CampaignCategory() {
	}

	CampaignCategory(Long campaignId, String code, String name, String parentCode, int sortOrder, String clueCategory) {
		this.campaignId = campaignId;
		this.code = code;
		this.name = name;
		this.parentCode = parentCode;
		this.sortOrder = sortOrder;
		this.clueCategory = clueCategory;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getParentCode() {
		return this.parentCode;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public String getClueCategory() {
		return this.clueCategory;
	}

	/** The key: campaign and code. */
	public static class Key implements Serializable {

		private Long campaignId;

		private String code;

		public Key() {
		}

		Key(Long campaignId, String code) {
			this.campaignId = campaignId;
			this.code = code;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && Objects.equals(this.campaignId, key.campaignId)
					&& Objects.equals(this.code, key.code);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.campaignId, this.code);
		}

	}

}
