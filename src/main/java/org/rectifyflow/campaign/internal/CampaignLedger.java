package org.rectifyflow.campaign.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.Problem;

/**
 * What the campaign needs from the rectification ledger (台账): open an entry for a
 * confirmed problem, know whether every entry has settled, and read the entries for 分析研判.
 */
public interface CampaignLedger {

	/**
	 * Opens a ledger entry (and its rectification process) for a confirmed problem.
	 * @param campaign the campaign
	 * @param problem the confirmed problem
	 * @param categoryName the Chinese name of the problem's category
	 * @return the entry code
	 */
	String open(Campaign campaign, Problem problem, String categoryName);

	/**
	 * @param campaignId the campaign
	 * @return whether every entry of the campaign is closed (销号) or carried over (结转)
	 */
	boolean allSettled(Long campaignId);

	/**
	 * @param campaignId the campaign
	 * @return the campaign's entries as the analysis needs them
	 */
	List<Entry> entries(Long campaignId);

	/**
	 * A ledger entry as seen by the analysis.
	 *
	 * @param code the entry code
	 * @param problemId the problem it rectifies, may be {@code null}
	 * @param unitCode the unit
	 * @param categoryCode the category
	 * @param status the ledger status name
	 * @param overdue whether it is overdue
	 * @param closed whether it is closed (销号)
	 * @param carriedOver whether it is carried over (结转)
	 * @param closedAt when it was closed, may be {@code null}
	 */
	record Entry(String code, Long problemId, String unitCode, String categoryCode, String status, boolean overdue,
			boolean closed, boolean carriedOver, OffsetDateTime closedAt) {

		public boolean settled() {
			return this.closed || this.carriedOver;
		}

	}

}
