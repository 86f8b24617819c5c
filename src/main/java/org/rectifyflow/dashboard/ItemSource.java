package org.rectifyflow.dashboard;

import java.util.List;

import org.rectifyflow.campaign.Campaign;

/**
 * A kind of item with a deadline that the dashboard counts per unit. Every bean of this
 * type is one row of the table of sources: a new feature (recommendation replies, …)
 * plugs in by adding one.
 */
interface ItemSource {

	/**
	 * @return the kind, used as a key in the summary and as a metric tag
	 */
	String kind();

	/**
	 * @return the Chinese name of the kind
	 */
	String label();

	/**
	 * @return the position of the source on the dashboard
	 */
	int order();

	/**
	 * The items of this kind.
	 * @param campaign the campaign the dashboard looks at, or {@code null} for all
	 * @param withContent whether titles may carry confidential content
	 * @return the items, open and settled
	 */
	List<TrackedItem> items(Campaign campaign, boolean withContent);

	/**
	 * The list behind a figure.
	 * @param campaign the campaign, or {@code null}
	 * @param unitCode the unit
	 * @param overdueOnly whether only overdue items are meant
	 * @return the API address of the open (and overdue) items of the unit
	 */
	String listLink(Campaign campaign, String unitCode, boolean overdueOnly);

}
