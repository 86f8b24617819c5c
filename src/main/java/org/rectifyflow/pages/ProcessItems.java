package org.rectifyflow.pages;

import java.util.Optional;

/**
 * A feature's answer to "which page shows the item of this process instance?", so that a
 * link made where only the process is known (a cc of a task) opens the item's page:
 * {@link ItemLinks#process(String)}.
 */
public interface ProcessItems {

	/**
	 * @return the key of the process whose items this feature shows
	 */
	String processKey();

	/**
	 * @param businessKey the process instance's business key (the item's code)
	 * @return the item's page, if the item exists
	 */
	Optional<String> link(String businessKey);

}
