package org.rectifyflow.attachment;

import java.util.Optional;

/**
 * The access policy of one item type whose attachments follow the item: the item is
 * looked up by its id, and a user who may not see it (or a missing item) gets neither the
 * files nor the right to add one.
 *
 * @param <T> the item
 */
public abstract class ItemAttachmentPolicy<T> implements AttachmentAccessPolicy {

	private final String itemType;

	protected ItemAttachmentPolicy(String itemType) {
		this.itemType = itemType;
	}

	@Override
	public final boolean supports(String itemType) {
		return this.itemType.equals(itemType);
	}

	@Override
	public final boolean canView(String userId, String itemType, String itemId) {
		return find(itemId).map((item) -> canView(userId, item)).orElse(false);
	}

	@Override
	public final boolean canAttach(String userId, String itemType, String itemId) {
		return find(itemId).map((item) -> canAttach(userId, item)).orElse(false);
	}

	/**
	 * @param itemId the item id as the attachment API received it
	 * @return the item, or empty if there is none with that id
	 */
	protected abstract Optional<T> find(String itemId);

	/**
	 * @param userId the user
	 * @param item the item
	 * @return whether the user may see the item's attachments
	 */
	protected abstract boolean canView(String userId, T item);

	/**
	 * @param userId the user
	 * @param item the item
	 * @return whether the user may add an attachment to the item
	 */
	protected abstract boolean canAttach(String userId, T item);

	/**
	 * @param itemId an item id that should be a number
	 * @return the number, or empty if it is not one
	 */
	protected static Optional<Long> numericId(String itemId) {
		try {
			return Optional.of(Long.valueOf(itemId));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
