package org.rectifyflow.export.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rectifyflow.document.OfficialText;
import org.rectifyflow.export.internal.CampaignReportDocument.Paragraph;

/**
 * How the work report words its lists and figures, as the seed reports do: leads numbered
 * （一）（二）…, items as 「一是…；二是…。」 per aspect, figures joined by 「，」 with a zero left out.
 */
final class ReportWording {

	private ReportWording() {
	}

	/** Numbers the leads （一）（二）… in the order of the paragraphs that are printed. */
	static List<Paragraph> numbered(List<Paragraph> paragraphs) {
		List<Paragraph> result = new ArrayList<>();
		for (int i = 0; i < paragraphs.size(); i++) {
			result.add(new Paragraph("（" + OfficialText.chinese(i + 1) + "）" + paragraphs.get(i).lead(),
					paragraphs.get(i).text()));
		}
		return result;
	}

	/** 「（一）文风会风方面。」 then 「一是…。二是…。」 per aspect. */
	static List<Paragraph> enumerated(Map<String, List<String>> byAspect) {
		List<Paragraph> paragraphs = new ArrayList<>();
		int n = 1;
		for (Map.Entry<String, List<String>> aspect : byAspect.entrySet()) {
			List<String> items = aspect.getValue()
				.stream()
				.map(OfficialText::withoutCodes)
				.filter((t) -> !t.isBlank())
				.toList();
			if (!items.isEmpty()) {
				paragraphs
					.add(new Paragraph("（" + OfficialText.chinese(n++) + "）" + aspect.getKey() + "方面。", yishi(items)));
			}
		}
		return paragraphs;
	}

	/** 「一是…；二是…。」 */
	static String yishi(List<String> items) {
		if (items.size() == 1) {
			return trimStop(items.get(0)) + "。";
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			parts.add(OfficialText.chinese(i + 1) + "是" + trimStop(items.get(i)));
		}
		return String.join("；", parts) + "。";
	}

	static String trimStop(String text) {
		return text.strip().replaceAll("[。；;，,\\s]+$", "");
	}

	/** A figure of a sentence; left out when zero. */
	record Count(String label, long value, String unit) {
	}

	/** 「已销号3项，结转1项」: the non-zero figures only. */
	static String counts(List<Count> counts) {
		return counts.stream()
			.filter((c) -> c.value() > 0)
			.map((c) -> c.label() + c.value() + c.unit())
			.collect(Collectors.joining("，"));
	}

}
