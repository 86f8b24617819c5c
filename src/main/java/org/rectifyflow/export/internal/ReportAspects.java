package org.rectifyflow.export.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectifyflow.campaign.ProblemCategory;

/**
 * Groups the report's items by the top-level category of their category (their aspect,
 * 「文风会风方面」), in the categories' order; items of an unknown category come last, as 「其他」.
 */
final class ReportAspects {

	private final Map<String, ProblemCategory> byCode;

	private final Map<Long, ProblemCategory> byId;

	ReportAspects(List<ProblemCategory> categories) {
		this.byCode = categories.stream().collect(Collectors.toMap(ProblemCategory::getCode, (c) -> c, (a, b) -> a));
		this.byId = categories.stream().collect(Collectors.toMap(ProblemCategory::getId, (c) -> c, (a, b) -> a));
	}

	/**
	 * @param <T> the kind of item
	 * @param items the items
	 * @param categoryCode the code of an item's category
	 * @return the items by aspect name (without 「方面」), in the aspects' order
	 */
	<T> Map<String, List<T>> order(List<T> items, Function<T, String> categoryCode) {
		Map<ProblemCategory, List<T>> grouped = new TreeMap<>(
				Comparator.comparingInt(ProblemCategory::getSortOrder).thenComparing(ProblemCategory::getCode));
		Map<String, List<T>> unknown = new LinkedHashMap<>();
		for (T item : items) {
			ProblemCategory category = this.byCode.get(categoryCode.apply(item));
			if (category == null) {
				unknown.computeIfAbsent("其他", (k) -> new ArrayList<>()).add(item);
				continue;
			}
			while (category.getParentId() != null && this.byId.containsKey(category.getParentId())) {
				category = this.byId.get(category.getParentId());
			}
			grouped.computeIfAbsent(category, (k) -> new ArrayList<>()).add(item);
		}
		Map<String, List<T>> result = new LinkedHashMap<>();
		grouped.forEach((category, list) -> result.put(category.getName().replaceAll("方面$", ""), list));
		result.putAll(unknown);
		return result;
	}

}
