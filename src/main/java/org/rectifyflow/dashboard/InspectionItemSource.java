package org.rectifyflow.dashboard;

import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inspections (明察暗访) not yet closed. Their deadline is that of the field work, the due
 * date of the members' 现场检查 tasks. An unannounced inspection (暗访) is confidential until
 * its field work has ended. The inspection feature offers no public list of all
 * inspections, so they are read from its table.
 */
@Component
class InspectionItemSource implements ItemSource {

	static final String KIND = "inspection";

	private final JdbcTemplate jdbc;

	InspectionItemSource(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "明察暗访";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public List<TrackedItem> openItems(Campaign campaign) {
		return this.jdbc.query(
				"select id, code, kind, title, target_units, field_work_ended_at, process_instance_id from inspection"
						+ " where status <> 'CLOSED' order by id",
				(rs, i) -> new TrackedItem(KIND, rs.getString("code"), rs.getString("target_units"), true, null,
						rs.getString("title"), ItemLinks.inspection(rs.getLong("id")),
						rs.getString("process_instance_id"),
						"UNANNOUNCED".equals(rs.getString("kind")) && rs.getObject("field_work_ended_at") == null));
	}

}
