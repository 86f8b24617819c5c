package org.rectifyflow.pages;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.ApprovalOpinionService;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the page of an item a process works on shows besides the item's own fields: the
 * approval opinions (审批意见) given in its process and its attachments (附件), for the
 * layout's fragments {@code opinions} and {@code attachments}; and the item itself only
 * for a reader who may see it (for any other reader it does not exist: 404).
 */
@Component
public class ItemRecord {

	private final ApprovalOpinionService opinions;

	private final AttachmentService attachments;

	ItemRecord(ApprovalOpinionService opinions, AttachmentService attachments) {
		this.opinions = opinions;
		this.attachments = attachments;
	}

	/**
	 * @param <T> the item's type
	 * @param item the item, if it exists
	 * @param canView whether the reader may see it
	 * @param notFoundZh the Chinese message of the refusal, e.g. 建议书不存在
	 * @param notFoundEn the English message of the refusal
	 * @return the item
	 * @throws Refusal not found, when the item does not exist or the reader may not see
	 * it
	 */
	public <T> T readable(Optional<T> item, Predicate<T> canView, String notFoundZh, String notFoundEn) {
		return item.filter(canView).orElseThrow(() -> Refusal.notFound(notFoundZh, notFoundEn));
	}

	/**
	 * Adds {@code opinions} and {@code attachments} to the page's model.
	 * @param model the page's model
	 * @param itemType the item's attachment type, e.g. {@code ledger-entry}
	 * @param id the item's id
	 * @param processInstanceId its process instance, may be {@code null}
	 */
	public void addTo(Model model, String itemType, Long id, String processInstanceId) {
		model.addAttribute("opinions",
				(processInstanceId == null) ? List.of() : this.opinions.history(processInstanceId));
		model.addAttribute("attachments", this.attachments.list(itemType, String.valueOf(id)));
	}

}
