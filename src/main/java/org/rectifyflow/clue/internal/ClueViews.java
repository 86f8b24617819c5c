package org.rectifyflow.clue.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.ClueCategory;
import org.rectifyflow.clue.ClueStatus;
import org.rectifyflow.clue.DisposalMethod;
import org.rectifyflow.clue.Route;

/**
 * What the API shows of clues. None of these carries the reporter's identity or contact;
 * only {@link Detail} (discipline group and lead) carries the content and the person
 * concerned.
 */
public final class ClueViews {

	private ClueViews() {
	}

	/**
	 * A clue in the register list. {@code subjectPerson} is {@code null} for viewers
	 * outside the discipline group.
	 */
	public record Summary(Long id, String number, @Schema(implementation = Channel.class) String channel,
			@Schema(implementation = ClueCategory.class) String category, String subjectUnit, String subjectUnitName,
			String subjectPerson, @Schema(implementation = ClueStatus.class) String status, String statusText,
			@Schema(implementation = Route.class) String route,
			@Schema(implementation = DisposalMethod.class) String disposal, OffsetDateTime receivedAt,
			OffsetDateTime deadlineAt, boolean overdue, boolean reporterAnonymous) {

	}

	/** A page of summaries. */
	public record Page(List<Summary> items, int page, int size, long total) {

	}

	/** Everything about a clue except the reporter. */
	public record Detail(Summary summary, String description, LocalDate occurredOn, String registeredBy,
			String suggestedDisposal, String duplicateOf, String transferBody, String decisionReason,
			boolean extensionUsed, String processInstanceId, OffsetDateTime closedAt, List<DisposalView> disposals,
			List<OpinionView> opinions, List<ExtensionView> extensions, String feedback,
			List<AttachmentInfo> attachments, String ledgerEntryCode) {

	}

	public record DisposalView(String method, String reason, String proposedBy, Boolean approved, String decidedBy) {

	}

	public record OpinionView(String outcome, String text, String proposedBy, Boolean approved, String decidedBy) {

	}

	public record ExtensionView(String reason, int workingDays, String requestedBy, OffsetDateTime previousDeadline,
			OffsetDateTime newDeadline, Boolean approved) {

	}

	public record AttachmentInfo(Long id, String fileName, long size, String sha256) {

	}

}
