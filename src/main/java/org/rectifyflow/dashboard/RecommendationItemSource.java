package org.rectifyflow.dashboard;

import java.time.OffsetDateTime;
import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recommendation letters (纪律/监察建议书) not yet closed, with their reply deadline. The
 * recommendation feature offers no public list of all letters, so they are read from its
 * table.
 */
@Component
class RecommendationItemSource implements ItemSource {

	static final String KIND = "recommendation";

	private final JdbcTemplate jdbc;

	RecommendationItemSource(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "建议书回复";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public List<TrackedItem> openItems(Campaign campaign) {
		return this.jdbc.query(
				"select id, code, unit_code, title, reply_deadline, process_instance_id from recommendation_letter"
						+ " where status <> 'ACCEPTED' order by id",
				(rs, i) -> new TrackedItem(KIND, rs.getString("code"), rs.getString("unit_code"), true,
						rs.getObject("reply_deadline", OffsetDateTime.class), rs.getString("title"),
						ItemLinks.letter(rs.getLong("id")), rs.getString("process_instance_id"), false));
	}

}
