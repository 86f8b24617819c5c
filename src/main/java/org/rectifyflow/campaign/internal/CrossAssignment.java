package org.rectifyflow.campaign.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One pair of 互查: the inspector unit inspects the inspected unit.
 */
@Entity
@Table(name = "cross_assignment")
public class CrossAssignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "campaign_id", nullable = false)
	private Long campaignId;

	@Column(name = "inspector_unit", nullable = false)
	private String inspectorUnit;

	@Column(name = "inspected_unit", nullable = false)
	private String inspectedUnit;

	protected CrossAssignment() {
	}

	CrossAssignment(Long campaignId, String inspectorUnit, String inspectedUnit) {
		if (inspectorUnit.equals(inspectedUnit)) {
			throw new IllegalArgumentException("unit " + inspectorUnit + " may not inspect itself");
		}
		this.campaignId = campaignId;
		this.inspectorUnit = inspectorUnit;
		this.inspectedUnit = inspectedUnit;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public String getInspectorUnit() {
		return this.inspectorUnit;
	}

	public String getInspectedUnit() {
		return this.inspectedUnit;
	}

}
