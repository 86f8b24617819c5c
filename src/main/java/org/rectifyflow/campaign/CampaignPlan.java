package org.rectifyflow.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.rectifyflow.kernel.Refusal;

/**
 * The rectification plan (整治方案) of a campaign: scope units, problem taxonomy, phase
 * deadlines. Drafted by the campaign office, approved by the party group, then published.
 */
@Entity
@Table(name = "campaign_plan")
public class CampaignPlan {

	/** Lifecycle of the plan. */
	public enum Status {

		DRAFT, SUBMITTED, RETURNED, PUBLISHED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "campaign_id", nullable = false, unique = true)
	private Long campaignId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(nullable = false)
	private int revision;

	@Column(name = "self_inspection_deadline", nullable = false)
	private LocalDate selfInspectionDeadline;

	@Column(name = "cross_inspection_deadline", nullable = false)
	private LocalDate crossInspectionDeadline;

	@Column(name = "review_deadline", nullable = false)
	private LocalDate reviewDeadline;

	@Column(name = "rectification_deadline", nullable = false)
	private LocalDate rectificationDeadline;

	@Column(name = "regulation_deadline", nullable = false)
	private LocalDate regulationDeadline;

	@Column(name = "last_opinion")
	private String lastOpinion;

	@Column(name = "approved_at")
	private OffsetDateTime approvedAt;

	@Column(name = "published_at")
	private OffsetDateTime publishedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "campaign_plan_unit", joinColumns = @JoinColumn(name = "plan_id"))
	@Column(name = "unit_code")
	private Set<String> scopeUnits = new LinkedHashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "campaign_plan_category", joinColumns = @JoinColumn(name = "plan_id"))
	@Column(name = "category_code")
	private Set<String> categories = new LinkedHashSet<>();

	protected CampaignPlan() {
	}

	CampaignPlan(Long campaignId, Collection<String> scopeUnits, Collection<String> categories,
			PhaseDeadlines deadlines) {
		this.campaignId = campaignId;
		this.status = Status.DRAFT;
		this.revision = 0;
		apply(scopeUnits, categories, deadlines);
	}

	/**
	 * Submits a (re)drafted plan for approval.
	 * @param scopeUnits the units in scope
	 * @param categories the problem categories selected
	 * @param deadlines the phase deadlines
	 * @throws Refusal (conflict) unless the plan is a draft or was returned
	 */
	void submit(Collection<String> scopeUnits, Collection<String> categories, PhaseDeadlines deadlines) {
		if (this.status != Status.DRAFT && this.status != Status.RETURNED) {
			throw Refusal.conflict("整治方案已" + label(this.status) + "，不能再次报送",
					"plan of campaign " + this.campaignId + " is " + this.status);
		}
		apply(scopeUnits, categories, deadlines);
		this.status = Status.SUBMITTED;
		this.revision++;
	}

	/**
	 * Returns the plan to the campaign office.
	 * @param opinion the party group's opinion
	 * @throws Refusal (conflict) unless the plan is submitted
	 */
	void returnWith(String opinion) {
		requireSubmitted();
		this.status = Status.RETURNED;
		this.lastOpinion = opinion;
	}

	/**
	 * Approves and publishes the plan.
	 * @param opinion the party group's opinion
	 * @param at when
	 * @throws Refusal (conflict) unless the plan is submitted
	 */
	void publish(String opinion, OffsetDateTime at) {
		requireSubmitted();
		this.status = Status.PUBLISHED;
		this.lastOpinion = opinion;
		this.approvedAt = at;
		this.publishedAt = at;
	}

	private void requireSubmitted() {
		if (this.status != Status.SUBMITTED) {
			throw Refusal.conflict("整治方案" + label(this.status) + "，不在待审定状态",
					"plan of campaign " + this.campaignId + " is " + this.status);
		}
	}

	private static String label(Status status) {
		return switch (status) {
			case DRAFT -> "尚在起草";
			case SUBMITTED -> "已报送";
			case RETURNED -> "已退回";
			case PUBLISHED -> "已发布";
		};
	}

	/**
	 * The one rule for which problems a campaign takes: the unit is in the plan's scope
	 * and the category, or its top-level category, is in the plan's taxonomy.
	 * @param unitCode the unit
	 * @param category the problem category
	 * @param topLevel the category's top-level category (the category itself if it has no
	 * parent)
	 * @return whether the plan covers the problem
	 */
	public boolean accepts(String unitCode, ProblemCategory category, ProblemCategory topLevel) {
		return inScope(unitCode) && inTaxonomy(category, topLevel);
	}

	/**
	 * @param unitCode a unit code
	 * @return whether the unit is in the plan's scope
	 */
	public boolean inScope(String unitCode) {
		return unitCode != null && this.scopeUnits.contains(unitCode);
	}

	/**
	 * @param category a problem category
	 * @param topLevel its top-level category
	 * @return whether the category or its top-level category is in the plan's taxonomy
	 */
	public boolean inTaxonomy(ProblemCategory category, ProblemCategory topLevel) {
		return this.categories.contains(category.getCode()) || this.categories.contains(topLevel.getCode());
	}

	private void apply(Collection<String> scopeUnits, Collection<String> categories, PhaseDeadlines deadlines) {
		this.scopeUnits.clear();
		this.scopeUnits.addAll(scopeUnits);
		this.categories.clear();
		this.categories.addAll(categories);
		this.selfInspectionDeadline = deadlines.selfInspection();
		this.crossInspectionDeadline = deadlines.crossInspection();
		this.reviewDeadline = deadlines.review();
		this.rectificationDeadline = deadlines.rectification();
		this.regulationDeadline = deadlines.regulation();
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public Status getStatus() {
		return this.status;
	}

	public int getRevision() {
		return this.revision;
	}

	public String getLastOpinion() {
		return this.lastOpinion;
	}

	public OffsetDateTime getPublishedAt() {
		return this.publishedAt;
	}

	/**
	 * @return the scope unit codes, sorted
	 */
	public List<String> getScopeUnits() {
		return this.scopeUnits.stream().sorted().toList();
	}

	public List<String> getCategories() {
		return this.categories.stream().sorted().toList();
	}

	public PhaseDeadlines getDeadlines() {
		return new PhaseDeadlines(this.selfInspectionDeadline, this.crossInspectionDeadline, this.reviewDeadline,
				this.rectificationDeadline, this.regulationDeadline);
	}

}
