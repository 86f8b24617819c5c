package org.rectifyflow.notification.internal;

import org.rectifyflow.notification.MailRecipientResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The {@link MailRecipientResolver}s: whether a confidential recipient reference can be
 * resolved, and its address at sending time.
 */
@Component
class MailRecipients {

	private final ObjectProvider<MailRecipientResolver> resolvers;

	MailRecipients(ObjectProvider<MailRecipientResolver> resolvers) {
		this.resolvers = resolvers;
	}

	/**
	 * @param reference a recipient reference
	 * @return whether it is a reference (never an address) that a resolver knows
	 */
	boolean isResolvable(String reference) {
		return StringUtils.hasText(reference) && !OutboxMail.isAddress(reference)
				&& this.resolvers.orderedStream().anyMatch((r) -> r.supports(reference));
	}

	/**
	 * @param reference a recipient reference
	 * @return the address
	 * @throws IllegalStateException naming only the reference, if there is no address
	 */
	String address(String reference) {
		return this.resolvers.orderedStream()
			.filter((r) -> r.supports(reference))
			.findFirst()
			.flatMap((r) -> r.address(reference))
			.filter(StringUtils::hasText)
			.orElseThrow(() -> new IllegalStateException("No mail address for " + reference));
	}

}
