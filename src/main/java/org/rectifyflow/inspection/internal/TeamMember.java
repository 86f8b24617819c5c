package org.rectifyflow.inspection.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member of an inspection team, from the draw in effect; the team leader comes from
 * {@code discipline-group} and has no unit.
 */
@Entity
@Table(name = "inspection_team_member")
public class TeamMember {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "inspection_id", nullable = false)
	private Long inspectionId;

	@Column(name = "team_draw_id", nullable = false)
	private Long teamDrawId;

	@Column(name = "user_id", nullable = false)
	private String userId;

	@Column(name = "unit_code")
	private String unitCode;

	@Column(name = "team_leader", nullable = false)
	private boolean teamLeader;

	protected TeamMember() {
	}

	TeamMember(Long inspectionId, Long teamDrawId, String userId, String unitCode, boolean teamLeader) {
		this.inspectionId = inspectionId;
		this.teamDrawId = teamDrawId;
		this.userId = userId;
		this.unitCode = unitCode;
		this.teamLeader = teamLeader;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public Long getTeamDrawId() {
		return this.teamDrawId;
	}

	public String getUserId() {
		return this.userId;
	}

	public String getUnitCode() {
		return this.unitCode;
	}

	public boolean isTeamLeader() {
		return this.teamLeader;
	}

}
