package org.rectifyflow.recommendation.internal;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.kernel.Dates;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.deadline.DeadlinePassed;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.pages.ItemLinks;
import org.rectifyflow.recommendation.LetterBasisItem;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.recommendation.RecommendationLetters;
import org.rectifyflow.recommendation.RecommendationProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code bpmn/recommendation.bpmn}: registration, draft, approval, issue
 * with a document number to the unit's recorded leader, the unit's replies and their
 * verification. A letter proposed from a campaign's flag starts in
 * {@link LetterProposals}; the lists are {@link RecommendationLetters}.
 */
@Service("recommendationService")
public class RecommendationService {

	static final String ACTION_STARTED = "RECOMMENDATION_STARTED";

	static final String ACTION_DRAFTED = "RECOMMENDATION_DRAFTED";

	static final String ACTION_APPROVAL = "RECOMMENDATION_APPROVAL_DECIDED";

	static final String ACTION_ISSUED = "RECOMMENDATION_ISSUED";

	static final String ACTION_REPLIED = "RECOMMENDATION_REPLIED";

	static final String ACTION_VERIFIED = "RECOMMENDATION_REPLY_VERIFIED";

	static final String ACTION_OVERDUE = "RECOMMENDATION_OVERDUE";

	static final int TEXT = 4000;

	static final int MAX_WORKING_DAYS = 180;

	private static final Logger logger = LoggerFactory.getLogger(RecommendationService.class);

	private final RecommendationLetterRepository letters;

	private final RecommendationReplyRepository replies;

	private final OrganisationService organisation;

	private final AuditService audit;

	private final Notifier notifier;

	private final WorkingDayCalendar calendar;

	private final int defaultReplyWorkingDays;

	RecommendationService(RecommendationLetterRepository letters, RecommendationReplyRepository replies,
			OrganisationService organisation, AuditService audit, Notifier notifier, WorkingDayCalendar calendar,
			@Value("${rectify.recommendation.reply-working-days:30}") int defaultReplyWorkingDays) {
		this.letters = letters;
		this.replies = replies;
		this.organisation = organisation;
		this.audit = audit;
		this.notifier = notifier;
		this.calendar = calendar;
		this.defaultReplyWorkingDays = defaultReplyWorkingDays;
	}

	static final String VAR_ORIGIN = "origin";

	static final String VAR_ORIGIN_REF = "originRef";

	static final String VAR_CAMPAIGN_ID = "campaignId";

	/**
	 * {@code Task_Register}: stores the letter (code {@code JY-<year>-<nnn>}), makes the
	 * code the business key.
	 * @param execution the starting execution
	 */
	@Transactional
	public void register(DelegateExecution execution) {
		Object starter = execution.getVariable(RecommendationProcess.VAR_STARTED_BY);
		String startedBy = (starter != null) ? starter.toString() : this.audit.currentActor();
		Object origin = execution.getVariable(VAR_ORIGIN);
		RecommendationLetter.Origin o = (origin != null) ? RecommendationLetter.Origin.valueOf(origin.toString())
				: RecommendationLetter.Origin.DIRECT;
		Object campaign = execution.getVariable(VAR_CAMPAIGN_ID);
		String code = nextCode();
		RecommendationLetter letter = this.letters
			.save(new RecommendationLetter(code, o, (String) execution.getVariable(VAR_ORIGIN_REF),
					(campaign instanceof Number n) ? n.longValue() : null, startedBy, now()));
		letter.linkProcess(execution.getProcessInstanceId());
		execution.setProcessBusinessKey(code);
		execution.setVariable(RecommendationProcess.VAR_LETTER_ID, letter.getId());
		execution.setVariable(RecommendationProcess.VAR_LETTER_CODE, code);
		execution.setVariable(RecommendationProcess.VAR_STARTED_BY, startedBy);
		if (execution.getVariable(RecommendationProcess.VAR_REPLY_WORKING_DAYS) == null) {
			execution.setVariable(RecommendationProcess.VAR_REPLY_WORKING_DAYS, (long) this.defaultReplyWorkingDays);
		}
		this.audit.record(ACTION_STARTED, RecommendationProcess.ITEM_TYPE, String.valueOf(letter.getId()), null,
				code + " origin=" + o + ((letter.getOriginRef() != null) ? " ref=" + letter.getOriginRef() : ""));
		if (o == RecommendationLetter.Origin.CAMPAIGN_FLAG) {
			this.notifier.notifyGroup(Roles.DISCIPLINE_GROUP, "分析研判发现系统性问题，已决定发出建议书「" + code + "」，请起草。", link(letter));
		}
	}

	/**
	 * The recipient of an issued letter: the assignee of the reply task.
	 * @param letterCode the process instance's business key
	 * @return the unit leader the letter was issued to
	 */
	public String recipientOf(String letterCode) {
		return this.letters.findByCode(letterCode)
			.map(RecommendationLetter::getRecipient)
			.orElseThrow(() -> Refusal.notFound("建议书不存在", "no letter " + letterCode));
	}

	/**
	 * {@code Task_Draft} completed: stores the draft and submits it for approval.
	 * @param letterId the letter
	 * @param draft the parsed draft
	 * @param draftedBy who drafted it
	 */
	@Transactional
	public void draft(Long letterId, DraftInput draft, String draftedBy) {
		RecommendationLetter letter = letter(letterId);
		letter.draft(draft.kind(), draft.unitCode(), draft.problems(), draft.basis(), draft.requirements(),
				draft.replyWorkingDays(), draftedBy, now());
		this.audit.record(ACTION_DRAFTED, RecommendationProcess.ITEM_TYPE, String.valueOf(letterId), null,
				"kind=" + draft.kind() + " unit=" + draft.unitCode() + " problems=" + draft.problems().size()
						+ " requirements=" + draft.requirements().size() + " basis="
						+ draft.basis().stream().map(LetterBasisItem::problemId).toList() + " replyWorkingDays="
						+ draft.replyWorkingDays());
	}

	/**
	 * {@code Task_Approve} completed: approved letters go on to be issued, returned ones
	 * back to drafting.
	 * @param letterId the letter
	 * @param approved the discipline lead's decision
	 */
	@Transactional
	public void decideApproval(Long letterId, boolean approved) {
		RecommendationLetter letter = letter(letterId);
		if (!approved) {
			letter.returned(now());
			this.notifier.notifyGroup(Roles.DISCIPLINE_GROUP, "建议书「" + letter.getCode() + "」被退回修改。", link(letter));
		}
		this.audit.record(ACTION_APPROVAL, RecommendationProcess.ITEM_TYPE, String.valueOf(letterId), null,
				approved ? "approved" : "returned");
	}

	/**
	 * {@code Task_Issue}: gives the approved letter its document number, sends it to the
	 * unit's recorded leader and sets {@code recipient}, {@code unitName},
	 * {@code docNumber} and {@code deadlineAt} (the reply deadline). The letter is the
	 * one linked to the execution's process instance.
	 * @param execution the execution
	 */
	@Transactional
	public void issue(DelegateExecution execution) {
		RecommendationLetter letter = this.letters.findByProcessInstanceId(execution.getProcessInstanceId())
			.orElseThrow(() -> Refusal.conflict("本流程没有对应的建议书",
					"no letter is linked to process instance " + execution.getProcessInstanceId()));
		Unit unit = this.organisation.findUnit(letter.getUnitCode()).orElseThrow();
		if (unit.getLeaderUserId() == null) {
			throw Refusal.conflict("单位「" + unit.getName() + "」未登记负责人，建议书无法送达",
					"unit " + unit.getCode() + " has no recorded leader");
		}
		OffsetDateTime now = now();
		ZonedDateTime deadline = this.calendar.deadline(now.toInstant(), letter.getReplyWorkingDays());
		int year = now.getYear();
		Integer max = this.letters.maxDocSeq(letter.getKind(), year);
		letter.issue(year, (max == null) ? 1 : max + 1, unit.getLeaderUserId(), deadline.toOffsetDateTime(), now);
		execution.setVariable(RecommendationProcess.VAR_RECIPIENT, unit.getLeaderUserId());
		execution.setVariable(RecommendationProcess.VAR_UNIT_NAME, unit.getName());
		execution.setVariable(RecommendationProcess.VAR_DOC_NUMBER, letter.getDocNumber());
		execution.setVariable(RecommendationProcess.VAR_DEADLINE_AT, Date.from(deadline.toInstant()));
		this.audit.record(ACTION_ISSUED, RecommendationProcess.ITEM_TYPE, String.valueOf(letter.getId()),
				RecommendationLetter.Status.APPROVING.name(),
				letter.getDocNumber() + " to " + unit.getLeaderUserId() + " reply by " + Dates.chinese(deadline));
		this.notifier.notifyUser(unit.getLeaderUserId(), "派驻纪检组向" + unit.getName() + "发出" + letter.getKind().title()
				+ "（" + letter.getDocNumber() + "），请于" + Dates.chinese(deadline) + "前书面回复整改情况。", link(letter));
		logger.info("Recommendation letter {} issued as {} to {}", letter.getCode(), letter.getDocNumber(),
				unit.getLeaderUserId());
	}

	/**
	 * {@code Task_Reply} completed: the unit's reply.
	 * @param letterId the letter
	 * @param measures the measures taken and their effect
	 * @param evidence the evidence note, may be {@code null}
	 * @param repliedBy who replied
	 */
	@Transactional
	public void reply(Long letterId, String measures, String evidence, String repliedBy) {
		RecommendationLetter letter = letter(letterId);
		letter.replied(now());
		int seq = this.replies.findByLetterIdOrderBySeqAsc(letterId).size() + 1;
		String note = (evidence == null || evidence.isBlank()) ? null : evidence.strip();
		this.replies.save(new RecommendationReply(letterId, seq, measures.strip(), note, repliedBy, now()));
		this.audit.record(ACTION_REPLIED, RecommendationProcess.ITEM_TYPE, String.valueOf(letterId), null,
				"reply " + seq);
		this.notifier.notifyGroup(Roles.DISCIPLINE_GROUP, "建议书「" + letter.getDocNumber() + "」已收到单位回复，请核实整改情况。",
				link(letter));
	}

	/**
	 * {@code Task_Verify} completed: the discipline group accepted the reply (closes the
	 * letter) or sent it back.
	 * @param letterId the letter
	 * @param yes whether the reply was accepted
	 * @param opinion the verification's reasons
	 */
	@Transactional
	public void verify(Long letterId, boolean yes, String opinion) {
		RecommendationLetter letter = letter(letterId);
		List<RecommendationReply> all = this.replies.findByLetterIdOrderBySeqAsc(letterId);
		all.get(all.size() - 1).verify(yes, opinion, this.audit.currentActor(), now());
		letter.verified(yes, now());
		this.audit.record(ACTION_VERIFIED, RecommendationProcess.ITEM_TYPE, String.valueOf(letterId),
				RecommendationLetter.Status.REPLIED.name(), letter.getStatus().name());
		this.notifier.notifyUser(letter.getRecipient(), yes ? "建议书「" + letter.getDocNumber() + "」的整改情况已核实通过，予以办结。"
				: "建议书「" + letter.getDocNumber() + "」的整改情况未通过核实，请继续整改后重新回复。理由：" + opinion, link(letter));
	}

	/**
	 * 撤回 of {@code Task_Draft} while the approval waits: the letter is drafted again.
	 * @param letterId the letter
	 * @param by who takes the draft back
	 */
	@Transactional
	public void withdrawDraft(Long letterId, String by) {
		RecommendationLetter letter = letter(letterId);
		letter.returned(now());
		this.audit.record(ACTION_APPROVAL, RecommendationProcess.ITEM_TYPE, String.valueOf(letterId), null,
				"withdrawn by " + by);
	}

	/**
	 * 撤回 of {@code Task_Reply} before the reply was verified: the unreviewed reply is
	 * taken back and the reply is due again.
	 * @param letterId the letter
	 * @param by who takes the reply back
	 */
	@Transactional
	public void withdrawReply(Long letterId, String by) {
		RecommendationLetter letter = letter(letterId);
		letter.replyWithdrawn(now());
		List<RecommendationReply> all = this.replies.findByLetterIdOrderBySeqAsc(letterId);
		this.replies.delete(all.get(all.size() - 1));
		this.audit.record(ACTION_REPLIED, RecommendationProcess.ITEM_TYPE, String.valueOf(letterId), null,
				"reply " + all.size() + " withdrawn by " + by);
	}

	/**
	 * Marks a letter whose reply is overdue.
	 * @param event the deadline that passed
	 */
	@EventListener
	@Transactional
	public void onDeadlinePassed(DeadlinePassed event) {
		if (!RecommendationProcess.KEY.equals(event.processDefinitionKey())) {
			return;
		}
		this.letters.findByProcessInstanceId(event.processInstanceId()).ifPresent((letter) -> {
			if (letter.markOverdue(now())) {
				this.audit.record(ACTION_OVERDUE, RecommendationProcess.ITEM_TYPE, String.valueOf(letter.getId()),
						"false", "true");
			}
		});
	}

	private String nextCode() {
		String prefix = "JY-" + now().getYear() + "-";
		String max = this.letters.maxCodeWithPrefix(prefix);
		int next = (max == null) ? 1 : Integer.parseInt(max.substring(prefix.length())) + 1;
		return prefix + String.format("%03d", next);
	}

	private RecommendationLetter letter(Long id) {
		return this.letters.findById(id).orElseThrow(() -> Refusal.notFound("建议书不存在", "no letter " + id));
	}

	int defaultReplyWorkingDays() {
		return this.defaultReplyWorkingDays;
	}

	OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toOffsetDateTime();
	}

	static String link(RecommendationLetter letter) {
		return ItemLinks.letter(letter.getId());
	}

	static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
