package org.rectifyflow.organisation;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A sub-unit (二级单位). Its staff are the members of the Camunda group {@link #groupId()}.
 */
@Entity
@Table(name = "unit")
public class Unit {

	/** Prefix of the Camunda group that holds a unit's staff. */
	public static final String GROUP_PREFIX = "unit-";

	@Id
	private String code;

	@Column(nullable = false)
	private String name;

	@Column(name = "leader_user_id")
	private String leaderUserId;

	@Column(nullable = false)
	private boolean active = true;

	@Column(name = "created_at", nullable = false)
	private OffsetDateTime createdAt;

	protected Unit() {
	}

	public Unit(String code, String name, String leaderUserId) {
		this.code = code;
		this.name = name;
		this.leaderUserId = leaderUserId;
		this.createdAt = OffsetDateTime.now();
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getLeaderUserId() {
		return this.leaderUserId;
	}

	public boolean isActive() {
		return this.active;
	}

	/**
	 * Records a new leader for the unit.
	 * @param userId the leader's Camunda user id
	 */
	public void changeLeader(String userId) {
		this.leaderUserId = userId;
	}

	/**
	 * @return the Camunda group id of the unit's staff
	 */
	public String groupId() {
		return GROUP_PREFIX + this.code;
	}

}
