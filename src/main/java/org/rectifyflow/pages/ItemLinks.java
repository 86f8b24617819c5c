package org.rectifyflow.pages;

/**
 * The addresses of the item pages. Every link the application gives a user (a
 * notification, a mail, a form, the dashboard) points at one of these pages, never at the
 * JSON API.
 */
public final class ItemLinks {

	/** The prefix of every item page. */
	public static final String PREFIX = "/items/";

	private ItemLinks() {
	}

	/**
	 * @param processInstanceId a process instance (running or ended)
	 * @return the page of the item it works on ({@link ProcessItems})
	 */
	public static String process(String processInstanceId) {
		return PREFIX + "process/" + processInstanceId;
	}

	/**
	 * @param id a ledger entry's id
	 * @return its page (整改台账条目)
	 */
	public static String ledgerEntry(Long id) {
		return PREFIX + "ledger/" + id;
	}

	/**
	 * @param id a clue's id
	 * @return its page (问题线索)
	 */
	public static String clue(Long id) {
		return PREFIX + "clues/" + id;
	}

	/**
	 * @param id a recommendation letter's id
	 * @return its page (建议书)
	 */
	public static String letter(Long id) {
		return PREFIX + "letters/" + id;
	}

	/**
	 * @param id an inspection's id
	 * @return its page (明察暗访)
	 */
	public static String inspection(Long id) {
		return PREFIX + "inspections/" + id;
	}

	/**
	 * @return the list of the inspections the reader may see
	 */
	public static String inspections() {
		return PREFIX + "inspections";
	}

	/**
	 * @param id a regulation's id
	 * @return its page (制度), with the problems it addresses
	 */
	public static String regulation(Long id) {
		return PREFIX + "regulations/" + id;
	}

	/**
	 * @param id a campaign's id
	 * @return its page (专项整治): phase, deadlines, figures, links to its lists
	 */
	public static String campaign(Long id) {
		return PREFIX + "campaigns/" + id;
	}

	/**
	 * @param id a campaign's id
	 * @return its problem list (问题清单)
	 */
	public static String campaignProblems(Long id) {
		return campaign(id) + "/problems";
	}

	/**
	 * @param id a campaign's id
	 * @return its ledger (整改台账)
	 */
	public static String campaignLedger(Long id) {
		return campaign(id) + "/ledger";
	}

	/**
	 * @param id a campaign's id
	 * @return its regulations (制度)
	 */
	public static String campaignRegulations(Long id) {
		return campaign(id) + "/regulations";
	}

	/**
	 * @param id a campaign's id
	 * @return its recommendation letters (建议书)
	 */
	public static String campaignLetters(Long id) {
		return campaign(id) + "/letters";
	}

}
