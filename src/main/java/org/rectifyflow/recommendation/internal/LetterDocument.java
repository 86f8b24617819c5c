package org.rectifyflow.recommendation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.rectifyflow.document.OfficialDocument;
import org.rectifyflow.document.OfficialText;
import org.rectifyflow.recommendation.LetterBasis;
import org.rectifyflow.recommendation.LetterBasisItem;
import org.rectifyflow.recommendation.RecommendationLetter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The recommendation letter as a Word document in the 公文 layout (GB/T 9704-2012): title,
 * document number (文号), addressee (主送), the problems numbered （一）（二）… in their own words
 * (one per row of the draft), the problems they rest on in words, the basis by document
 * title and number, the recommendations as a numbered list (one per row), the reply
 * deadline, and the signature with the date. Internal codes of problems, ledger entries
 * and clues never appear. Letters drafted as text are split into items as before.
 */
@Component
public class LetterDocument {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String ISSUER = "派驻纪检组";

	/** A new line, or 「；」 before 「二、」「（二）」「2.」. */
	static final Pattern NUMBERED_ITEM = Pattern
		.compile("\\R|(?<=[；;])\\s*(?=[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[.、．])");

	/** A new line or 「；」. */
	static final Pattern ITEM = Pattern.compile("\\R|[；;]");

	private final ObjectProvider<LetterBasis> basis;

	LetterDocument(ObjectProvider<LetterBasis> basis) {
		this.basis = basis;
	}

	/**
	 * @param letter an issued letter
	 * @param unitName the unit's name
	 * @return the .docx bytes
	 */
	public byte[] render(RecommendationLetter letter, String unitName) {
		OfficialDocument document = OfficialDocument.create().title(letter.getKind().title());
		if (letter.getDocNumber() != null) {
			document.documentNumber(letter.getDocNumber());
		}
		document.recipient(unitName);
		document.paragraph(ISSUER + "在监督检查中发现，你单位存在以下区域性、行业性、系统性问题：");
		int n = 1;
		for (String problem : items(letter.getProblemItems(), letter.getProblems(), NUMBERED_ITEM)) {
			document.paragraph("（" + OfficialText.chinese(n++) + "）" + problem);
		}
		String refs = OfficialText
			.withoutCodes(letter.getBasis().isEmpty() ? letter.getBasisRefs()
					: String.join("；", letter.getBasis().stream().map(LetterBasisItem::label).toList()))
			.replaceAll("^[，,、；;。\\s]+|[，,、；;。\\s]+$", "");
		if (!refs.isEmpty()) {
			document.paragraph((letter.getBasis().isEmpty() ? "上述问题见于" : "上述问题见于以下已登记的问题：") + refs + "。");
		}
		document.paragraph("根据" + basis(letter) + "，为督促你单位落实主体责任，深入开展整治，现提出如下建议：");
		n = 1;
		for (String requirement : items(letter.getRequirementItems(), letter.getRequirements(), ITEM)) {
			document.paragraph(n++ + "．" + requirement);
		}
		document.paragraph("请你单位认真研究落实，于" + OfficialText.date(letter.getReplyDeadline().toLocalDate()) + "前（"
				+ letter.getReplyWorkingDays() + "个工作日内）将整改措施和整改成效书面回复" + ISSUER + "，并附相关佐证材料。");
		document.signature(ISSUER, letter.getIssuedAt().toLocalDate());
		return document.toBytes();
	}

	private String basis(RecommendationLetter letter) {
		List<String> documents = new ArrayList<>();
		documents
			.add((letter.getKind() == RecommendationLetter.Kind.SUPERVISION) ? "《中华人民共和国监察法》" : "《中国共产党纪律检查委员会工作条例》");
		LetterBasis campaignBasis = this.basis.getIfAvailable();
		if (letter.getCampaignId() != null && campaignBasis != null) {
			documents.addAll(campaignBasis.documents(letter.getCampaignId()));
		}
		return String.join("和", (documents.size() <= 2) ? documents : List
			.of(String.join("、", documents.subList(0, documents.size() - 1)), documents.get(documents.size() - 1)));
	}

	/**
	 * The items of a list, without codes and without their own numbering: the rows of the
	 * draft, or for a letter drafted as text one a line, or separated by 「；」 (before a
	 * number only, when {@code separator} says so).
	 */
	private static List<String> items(List<String> rows, String text, Pattern separator) {
		List<String> items = new ArrayList<>();
		if (!rows.isEmpty() || text != null) {
			for (String line : rows.isEmpty() ? List.of(separator.split(text)) : rows) {
				String item = OfficialText.withoutNumbering(OfficialText.withoutCodes(line));
				if (!item.isEmpty()) {
					items.add(item.endsWith("。") || item.endsWith("；") ? item.substring(0, item.length() - 1) + "。"
							: item + "。");
				}
			}
		}
		return items;
	}

}
