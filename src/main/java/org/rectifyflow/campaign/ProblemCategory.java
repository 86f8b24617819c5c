package org.rectifyflow.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rectifyflow.campaign.internal.CampaignCategory;

/**
 * A category of the problem taxonomy (问题类别) the campaign office keeps: an aspect (方面, top
 * level) or a kind (问题种类) under an aspect, two levels at most. An aspect may name the
 * clue category that corresponds to it. Each campaign keeps its own copy from its start
 * ({@link CampaignCategory}).
 */
@Entity
@Table(name = "problem_category")
public class ProblemCategory {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String code;

	@Column(nullable = false)
	private String name;

	@Column(name = "parent_id")
	private Long parentId;

	@Column(name = "sort_order", nullable = false)
	private int sortOrder;

	@Column(nullable = false)
	private boolean active;

	@Column(name = "clue_category")
	private String clueCategory;

	protected ProblemCategory() {
	}

	public ProblemCategory(String code, String name, Long parentId, int sortOrder, String clueCategory) {
		this.code = code;
		this.name = name;
		this.parentId = parentId;
		this.sortOrder = sortOrder;
		this.active = true;
		this.clueCategory = clueCategory;
	}

	/**
	 * Renames the category, maps it to a clue category and (de)activates it; a campaign
	 * that runs keeps its own copy.
	 * @param name the new name
	 * @param active whether new campaigns take it
	 * @param clueCategory the clue category it corresponds to, or {@code null}
	 */
	public void revise(String name, boolean active, String clueCategory) {
		this.name = name;
		this.active = active;
		this.clueCategory = clueCategory;
	}

	/**
	 * @return the clue category (e.g. {@code MEETINGS_DOCUMENTS}) this category takes, or
	 * {@code null}
	 */
	public String getClueCategory() {
		return this.clueCategory;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public Long getParentId() {
		return this.parentId;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public boolean isActive() {
		return this.active;
	}

}
