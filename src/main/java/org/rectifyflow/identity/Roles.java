package org.rectifyflow.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The role groups of the organisation (Camunda groups), with their Chinese names.
 */
public final class Roles {

	public static final String PARTY_GROUP = "party-group";

	public static final String CAMPAIGN_OFFICE = "campaign-office";

	public static final String DISCIPLINE_GROUP = "discipline-group";

	public static final String DISCIPLINE_LEAD = "discipline-lead";

	public static final String SUPERVISORS = "supervisors";

	public static final String UNIT_LEADERS = "unit-leaders";

	/** Camunda's administrator group. */
	public static final String ADMIN = "camunda-admin";

	/** Groups that read the whole rectification ledger, every unit's entries. */
	public static final Set<String> LEDGER_READERS = Set.of(SUPERVISORS, CAMPAIGN_OFFICE, PARTY_GROUP, DISCIPLINE_GROUP,
			DISCIPLINE_LEAD, ADMIN);

	/**
	 * Groups that see the discipline group's confidential work (letter drafts,
	 * unannounced inspections) while it is confidential.
	 */
	public static final Set<String> DISCIPLINE_INSIDERS = Set.of(DISCIPLINE_GROUP, DISCIPLINE_LEAD, ADMIN);

	/**
	 * Supervising groups outside the discipline group that see its work once it is issued
	 * or disclosed (an issued letter, a disclosed inspection).
	 */
	public static final Set<String> DISCLOSURE_READERS = Set.of(SUPERVISORS, CAMPAIGN_OFFICE, PARTY_GROUP);

	public static final Map<String, String> NAMES;

	static {
		Map<String, String> names = new LinkedHashMap<>();
		names.put(PARTY_GROUP, "局党组");
		names.put(CAMPAIGN_OFFICE, "整治办");
		names.put(DISCIPLINE_GROUP, "派驻纪检组");
		names.put(DISCIPLINE_LEAD, "纪检组组长");
		names.put(SUPERVISORS, "督办");
		names.put(UNIT_LEADERS, "二级单位负责人");
		names.put(ADMIN, "系统管理员");
		NAMES = java.util.Collections.unmodifiableMap(names);
	}

	/**
	 * Groups that oversee a campaign as a whole: they see every unit's problems and may
	 * register a problem for any unit.
	 */
	public static final Set<String> CAMPAIGN_OVERSEERS = Set.of(CAMPAIGN_OFFICE, PARTY_GROUP, DISCIPLINE_GROUP,
			DISCIPLINE_LEAD, SUPERVISORS, ADMIN);

	/** Groups whose members watch the campaign in Cockpit. */
	public static final List<String> COCKPIT_GROUPS = List.of(PARTY_GROUP, CAMPAIGN_OFFICE, DISCIPLINE_GROUP,
			DISCIPLINE_LEAD, SUPERVISORS);

	/** Groups that handle clues and see them in full, except the reporter. */
	public static final Set<String> CLUE_HANDLERS = Set.of(DISCIPLINE_GROUP, DISCIPLINE_LEAD);

	/**
	 * Groups that see the campaign's figures across all units: the supervision dashboard
	 * and the exported ledger and report.
	 */
	public static final Set<String> FIGURE_READERS = Set.of(SUPERVISORS, DISCIPLINE_GROUP, PARTY_GROUP,
			CAMPAIGN_OFFICE);

	/**
	 * Groups that see the clue register by unit and status only: no persons, no content.
	 */
	public static final Set<String> CLUE_REGISTER_READERS = Set.of(SUPERVISORS, CAMPAIGN_OFFICE);

	private Roles() {
	}

}
