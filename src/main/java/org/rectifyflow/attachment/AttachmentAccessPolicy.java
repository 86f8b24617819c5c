package org.rectifyflow.attachment;

/**
 * Decides who may see and add attachments of one kind of item. A feature that stores
 * evidence (rectification, clue, inspection, ...) provides a bean for its item type.
 * Without a policy for an item type, only the uploader of an attachment may view it, only
 * users who uploaded to an item (or anybody, while it has none) may attach to it, and
 * members of {@code camunda-admin} may do both.
 */
public interface AttachmentAccessPolicy {

	/**
	 * @param itemType the item type, e.g. {@code clue}
	 * @return whether this policy decides for the item type
	 */
	boolean supports(String itemType);

	/**
	 * @param userId the user
	 * @param itemType the item type
	 * @param itemId the item id
	 * @return whether the user may list and download the item's attachments
	 */
	boolean canView(String userId, String itemType, String itemId);

	/**
	 * @param userId the user
	 * @param itemType the item type
	 * @param itemId the item id
	 * @return whether the user may add attachments to the item
	 */
	boolean canAttach(String userId, String itemType, String itemId);

}
