package org.rectifyflow.kernel;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The page of a list request. A page whose first row lies beyond what the database driver
 * can address ({@code page * size} over 2^31) is refused with 400 instead of failing in
 * the query.
 */
public final class Paging {

	private Paging() {
	}

	/**
	 * @param page the zero-based page number (not negative)
	 * @param size the page size (positive)
	 * @param sort the order
	 * @return the page request
	 * @throws Refusal when the page starts beyond the addressable rows
	 */
	public static PageRequest of(int page, int size, Sort sort) {
		if ((long) page * size > Integer.MAX_VALUE) {
			throw Refusal.invalid("页码超出范围", "page " + page + " of size " + size + " is out of range");
		}
		return PageRequest.of(page, size, sort);
	}

}
