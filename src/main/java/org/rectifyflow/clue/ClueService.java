package org.rectifyflow.clue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rectifyflow.attachment.AttachmentRejectedException;
import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.ProblemCategory;
import org.rectifyflow.deadline.DeadlinePassed;
import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.deadline.DeadlineService;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.NewLedgerEntry;
import org.rectifyflow.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Problem clues: intake, the steps {@code clue.bpmn} calls, the register, extensions and
 * the reveal of a reporter. The reporter's identity is only ever decrypted in
 * {@link #revealReporter} and for mailing the feedback; it never reaches a view, a log
 * line, a process variable or the mail outbox (which names the reporter by
 * {@link ClueReporterMail#reference}).
 */
@Service("clueService")
public class ClueService {

	static final String PUBLIC_USER = "public";

	static final String ACTION_RECEIVED = "CLUE_RECEIVED";

	static final String ACTION_REVEALED = "CLUE_REPORTER_REVEALED";

	private static final Logger log = LoggerFactory.getLogger(ClueService.class);

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,60}");

	private static final Set<Channel> PUBLIC_CHANNELS = Set.of(Channel.WEBSITE, Channel.APP, Channel.WECHAT);

	private final ClueRepository clues;

	private final ClueDisposalRepository disposals;

	private final HandlingOpinionRepository opinions;

	private final ClueExtensionRepository extensions;

	private final ClueFeedbackRepository feedbacks;

	private final ClueNumberSequenceRepository sequences;

	private final ReporterCipher cipher;

	private final ClueProperties properties;

	private final OrganisationService organisation;

	private final AttachmentService attachments;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	private final DeadlineService deadlineService;

	private final WorkingDayCalendar calendar;

	private final AuditService audit;

	private final Notifier notifier;

	private final CampaignService campaigns;

	private final LedgerService ledger;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json = new ObjectMapper();

	ClueService(ClueRepository clues, ClueDisposalRepository disposals, HandlingOpinionRepository opinions,
			ClueExtensionRepository extensions, ClueFeedbackRepository feedbacks,
			ClueNumberSequenceRepository sequences, ReporterCipher cipher, ClueProperties properties,
			OrganisationService organisation, AttachmentService attachments, RuntimeService runtimeService,
			IdentityService identityService, SystemAuthority systemAuthority, DeadlineService deadlineService,
			WorkingDayCalendar calendar, AuditService audit, Notifier notifier, CampaignService campaigns,
			LedgerService ledger, ApplicationEventPublisher events) {
		this.events = events;
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.clues = clues;
		this.disposals = disposals;
		this.opinions = opinions;
		this.extensions = extensions;
		this.feedbacks = feedbacks;
		this.sequences = sequences;
		this.cipher = cipher;
		this.properties = properties;
		this.organisation = organisation;
		this.attachments = attachments;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
		this.deadlineService = deadlineService;
		this.calendar = calendar;
		this.audit = audit;
		this.notifier = notifier;
	}

	// ---------------------------------------------------------------- intake

	/**
	 * Registers a clue and starts its process. Everything is checked first; on any
	 * refusal nothing is stored and no process starts.
	 * @param input the submitted clue
	 * @param files evidence attachments (may be empty)
	 * @param userId the staff member registering it, or {@code null} for the public
	 * @return the clue number and the receipt code (shown once)
	 */
	@Transactional
	public IntakeReceipt receive(NewClue input, List<MultipartFile> files, String userId) {
		return receive(input, files, userId, null);
	}

	/**
	 * As {@link #receive(NewClue, List, String)}, with a given receipt code (demo data).
	 */
	@Transactional
	IntakeReceipt receive(NewClue input, List<MultipartFile> files, String userId, String givenReceiptCode) {
		boolean isPublic = userId == null;
		Validated valid = validate(input, files, isPublic);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		String number = nextNumber(now);
		String receiptCode = (givenReceiptCode != null) ? givenReceiptCode : ReceiptCodes.generate();
		String cipherText = input.anonymous() ? null : this.cipher
			.encrypt(reporterJson(input.reporterName(), input.reporterContact(), input.reporterEmail()), number);
		Clue clue = this.clues.save(new Clue(number, ReceiptCodes.hash(receiptCode), valid.channel(), valid.category(),
				valid.unit().getCode(), trimToNull(input.subjectPerson()), input.description().strip(),
				valid.occurredOn(), cipherText, at(now), isPublic ? PUBLIC_USER : userId));
		String actor = isPublic ? PUBLIC_USER : userId;
		for (MultipartFile file : files) {
			try {
				this.attachments.store(ClueProcess.ITEM_TYPE, number, file, actor);
			}
			catch (AttachmentRejectedException ex) {
				throw ApiException.badRequest("附件“" + file.getOriginalFilename() + "”未被接受：" + ex.getMessage(),
						"attachment rejected: " + ex.getReason());
			}
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(ClueProcess.VAR_CLUE_ID, clue.getId());
		variables.put(ClueProcess.VAR_CLUE_NUMBER, number);
		variables.put(ClueProcess.VAR_CATEGORY, clue.getCategory().name());
		variables.put(DeadlinePattern.VAR_DEADLINE_WORKING_DAYS, this.properties.registrationWorkingDays());
		variables.put(ClueProcess.VAR_SHELVE_PERIOD, this.properties.shelvePeriod());
		ProcessInstance instance = this.systemAuthority
			.call(() -> this.runtimeService.startProcessInstanceByKey(ClueProcess.KEY, number, variables));
		clue.started(instance.getId());
		this.audit.recordAs(actor, ACTION_RECEIVED, ClueProcess.ITEM_TYPE, number, null, ClueStatus.RECEIVED.name(),
				"channel=" + clue.getChannel() + ", unit=" + clue.getSubjectUnitCode() + ", anonymous="
						+ clue.isReporterAnonymous() + ", attachments=" + files.size());
		this.events.publishEvent(new ClueReceived(number, clue.getChannel(), clue.getReceivedAt()));
		log.info("Received clue {} through {} ({} attachment(s))", number, clue.getChannel(), files.size());
		return new IntakeReceipt(number, receiptCode, "请妥善保存查询码，它只显示这一次。凭查询码可在举报页面查询办理进度和反馈结果。");
	}

	private record Validated(Channel channel, ClueCategory category, Unit unit, LocalDate occurredOn) {

	}

	private Validated validate(NewClue input, List<MultipartFile> files, boolean isPublic) {
		if (input == null) {
			throw ApiException.badRequest("请填写线索内容", "the clue is missing");
		}
		Channel channel = parseEnum(Channel.class, input.channel(), "举报渠道", "channel");
		if (isPublic && !PUBLIC_CHANNELS.contains(channel)) {
			throw ApiException.badRequest("在线举报只能选择网站、手机APP或微信公众号渠道",
					"the public may only report through WEBSITE, APP or WECHAT");
		}
		ClueCategory category = parseEnum(ClueCategory.class, input.category(), "问题类别", "category");
		if (NewClue.isBlank(input.subjectUnit())) {
			throw ApiException.badRequest("请选择被反映单位", "subjectUnit is required");
		}
		Unit unit = this.organisation.findUnit(input.subjectUnit().strip())
			.filter(Unit::isActive)
			.orElseThrow(() -> ApiException.badRequest("被反映单位不存在", "unknown subjectUnit"));
		if (NewClue.isBlank(input.description())) {
			throw ApiException.badRequest("请填写问题描述", "description is required");
		}
		int max = this.properties.descriptionMaxLength();
		String description = input.description().strip();
		if (description.codePointCount(0, description.length()) > max) {
			throw ApiException.badRequest("问题描述不能超过" + max + "个字", "description is longer than " + max);
		}
		checkLength(input.subjectPerson(), 100, "被反映人", "subjectPerson");
		checkLength(input.reporterName(), 100, "举报人姓名", "reporterName");
		checkLength(input.reporterContact(), 200, "联系方式", "reporterContact");
		checkLength(input.reporterEmail(), 254, "电子邮箱", "reporterEmail");
		if (!NewClue.isBlank(input.reporterEmail()) && !EMAIL.matcher(input.reporterEmail().strip()).matches()) {
			throw ApiException.badRequest("电子邮箱格式不正确", "reporterEmail is not a mail address");
		}
		LocalDate occurredOn = null;
		if (!NewClue.isBlank(input.occurredOn())) {
			try {
				occurredOn = LocalDate.parse(input.occurredOn().strip());
			}
			catch (DateTimeParseException ex) {
				throw ApiException.badRequest("发生时间格式不正确（应为 yyyy-MM-dd）", "occurredOn is not an ISO date");
			}
			LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone()).toLocalDate();
			if (occurredOn.isAfter(today)) {
				throw ApiException.badRequest("发生时间不能晚于今天", "occurredOn lies in the future");
			}
		}
		checkFiles(files, isPublic);
		return new Validated(channel, category, unit, occurredOn);
	}

	private void checkFiles(List<MultipartFile> files, boolean isPublic) {
		if (!isPublic) {
			return;
		}
		if (files.size() > this.properties.publicMaxAttachments()) {
			throw ApiException.badRequest("附件不能超过" + this.properties.publicMaxAttachments() + "个",
					"too many attachments");
		}
		DataSize max = this.properties.publicAttachmentMaxSize();
		for (MultipartFile file : files) {
			if (file.getSize() > max.toBytes()) {
				throw ApiException.badRequest(
						"附件“" + file.getOriginalFilename() + "”超过大小上限 " + max.toMegabytes() + " MB",
						"attachment larger than " + max);
			}
			String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "";
			int dot = name.lastIndexOf('.');
			String ext = (dot >= 0) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
			if (!this.properties.publicAttachmentTypes().contains(ext)) {
				throw ApiException.badRequest(
						"不支持的附件类型，允许的类型：" + String.join("、", this.properties.publicAttachmentTypes()),
						"attachment type not allowed: " + ext);
			}
		}
	}

	private static void checkLength(String value, int max, String labelZh, String field) {
		if (value != null && value.strip().codePointCount(0, value.strip().length()) > max) {
			throw ApiException.badRequest(labelZh + "不能超过" + max + "个字", field + " is longer than " + max);
		}
	}

	static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String labelZh, String field) {
		if (NewClue.isBlank(value)) {
			throw ApiException.badRequest("请选择" + labelZh, field + " is required");
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(labelZh + "无效：" + value.strip(), "unknown " + field + ": " + value.strip());
		}
	}

	private String nextNumber(Instant now) {
		int year = now.atZone(zone()).getYear();
		// Locked first by every intake: the first intakes of a year, arriving at once,
		// would otherwise all find no row for the year, and all but one would fail to
		// insert it.
		this.sequences.lockYear(ClueNumberSequence.ANCHOR)
			.orElseThrow(() -> new IllegalStateException("The clue number anchor row is missing"));
		ClueNumberSequence sequence = this.sequences.lockYear(year)
			.orElseGet(() -> this.sequences.saveAndFlush(new ClueNumberSequence(year)));
		return String.format("XS-%d-%06d", year, sequence.next());
	}

	private String reporterJson(String name, String contact, String email) {
		Map<String, String> reporter = new HashMap<>();
		reporter.put("name", trimToNull(name));
		reporter.put("contact", trimToNull(contact));
		reporter.put("email", trimToNull(email));
		try {
			return this.json.writeValueAsString(reporter);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Reporter decryptReporter(Clue clue) {
		if (clue.getReporterCipher() == null) {
			return null;
		}
		try {
			Map<?, ?> map = this.json.readValue(this.cipher.decrypt(clue.getReporterCipher(), clue.getNumber()),
					Map.class);
			return new Reporter((String) map.get("name"), (String) map.get("contact"), (String) map.get("email"));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Damaged reporter record of clue " + clue.getNumber());
		}
	}

	/**
	 * The reporter's mail address, decrypted for sending the feedback.
	 * @param clueNumber the clue
	 * @return the address, if the clue exists and its reporter gave one
	 */
	@Transactional(readOnly = true)
	Optional<String> reporterEmail(String clueNumber) {
		return this.clues.findByNumber(clueNumber).map(this::decryptReporter).map(Reporter::email);
	}

	// ---------------------------------------------------------------- public lookup

	/**
	 * The public status of a clue. Any miss (unknown, malformed) gives the same empty
	 * result after the same work: one hash, one indexed lookup, one constant-time
	 * comparison.
	 * @param receiptCode the receipt code
	 * @return the status, if the code belongs to a clue
	 */
	@Transactional(readOnly = true)
	public Optional<PublicClueStatus> lookup(String receiptCode) {
		String hash = ReceiptCodes.hash(receiptCode);
		Optional<Clue> found = this.clues.findByReceiptHash(hash);
		String stored = found.map(Clue::getReceiptHash).orElse("0".repeat(64));
		if (!ReceiptCodes.sameHash(stored, hash) || found.isEmpty()) {
			return Optional.empty();
		}
		Clue clue = found.get();
		boolean closed = !clue.getStatus().isOpen();
		String feedback = null;
		if (clue.getStatus() == ClueStatus.CLOSED) {
			feedback = this.feedbacks.findByClueId(clue.getId()).map(ClueFeedback::getText).orElse(null);
		}
		return Optional.of(new PublicClueStatus(clue.getNumber(), clue.getStatus().name(), clue.getStatus().label(),
				clue.getReceivedAt().atZoneSameInstant(zone()).toLocalDate(), closed, feedback));
	}

	// ---------------------------------------------------------------- process steps

	/** {@code Task_Accept}: the registration check accepted the clue. */
	@Transactional
	public void accept(Long clueId) {
		Clue clue = clue(clueId);
		clue.accept();
		this.audit.record("CLUE_ACCEPTED", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.RECEIVED.name(),
				clue.getStatus().name());
	}

	/** {@code Task_LinkDuplicate}: the clue duplicates another one. */
	@Transactional
	public void markDuplicate(Long clueId, String duplicateOf, String reason) {
		Clue clue = clue(clueId);
		clue.markDuplicate(duplicateOf, reason, now());
		this.audit.record("CLUE_DUPLICATE", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.RECEIVED.name(),
				"duplicate of " + duplicateOf);
	}

	/** {@code Task_TransferOut}: outside the jurisdiction. */
	@Transactional
	public void transferOut(Long clueId, String body, String reason) {
		Clue clue = clue(clueId);
		clue.transferOut(body, reason, now());
		this.audit.record("CLUE_TRANSFERRED", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.RECEIVED.name(),
				"to " + body);
	}

	/** {@code Task_Decline}: declined with a reason. */
	@Transactional
	public void decline(Long clueId, String reason) {
		Clue clue = clue(clueId);
		clue.decline(reason, now());
		this.audit.record("CLUE_DECLINED", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.RECEIVED.name(),
				ClueStatus.DECLINED.name());
	}

	/**
	 * Records the triage answers and result (called by the triage delegate).
	 */
	@Transactional
	public void recordTriage(Long clueId, boolean clear, boolean targeted, boolean specific, boolean quick, Route route,
			DisposalMethod suggestion) {
		Clue clue = clue(clueId);
		clue.triaged(clear, targeted, specific, quick, route, suggestion);
		this.audit.record("CLUE_TRIAGED", ClueProcess.ITEM_TYPE, clue.getNumber(), null,
				route + ", suggested " + suggestion);
	}

	/**
	 * Complete listener of {@code Task_Dispose}: records the proposed disposal.
	 * @param task the task being completed
	 */
	@Transactional
	public void proposeDisposal(DelegateTask task) {
		Clue clue = clue(clueId(task));
		DisposalMethod method = DisposalMethod.valueOf(string(task, ClueProcess.VAR_DISPOSAL));
		clue.dispose(method);
		this.disposals.save(new ClueDisposal(clue.getId(), method, clue.getSuggestedDisposal(),
				string(task, ClueProcess.VAR_DISPOSAL_REASON), this.audit.currentActor(), now()));
		this.audit.record("CLUE_DISPOSAL_PROPOSED", ClueProcess.ITEM_TYPE, clue.getNumber(), null, method.name());
	}

	/**
	 * Complete listener of {@code Task_ApproveDisposal}.
	 * @param task the task being completed
	 */
	@Transactional
	public void decideDisposal(DelegateTask task) {
		Clue clue = clue(clueId(task));
		ClueDisposal disposal = this.disposals.findFirstByClueIdOrderByIdDesc(clue.getId()).orElseThrow();
		checkUndecided(disposal.getApproved(), clue, "disposal");
		boolean approved = bool(task.getVariable(ClueProcess.VAR_DISPOSAL_APPROVED));
		disposal.decide(approved, this.audit.currentActor(), now());
		if (!approved) {
			clue.dispose(null);
		}
		this.audit.record(approved ? "CLUE_DISPOSAL_APPROVED" : "CLUE_DISPOSAL_REJECTED", ClueProcess.ITEM_TYPE,
				clue.getNumber(), disposal.getMethod().name(), String.valueOf(approved));
	}

	/** {@code Task_Shelve}: the approved 暂存待查. */
	@Transactional
	public void shelve(Long clueId) {
		Clue clue = clue(clueId);
		clue.shelve();
		this.audit.record("CLUE_SHELVED", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.ACCEPTED.name(),
				ClueStatus.SHELVED.name());
	}

	/** {@code Task_ReReview}: a shelved clue comes back when its period is over. */
	@Transactional
	public void reReview(Long clueId) {
		Clue clue = clue(clueId);
		clue.reReview();
		this.audit.record("CLUE_REREVIEW", ClueProcess.ITEM_TYPE, clue.getNumber(), ClueStatus.SHELVED.name(),
				ClueStatus.ACCEPTED.name());
	}

	/**
	 * Working days for the investigation: the green channel's fixed period, else what the
	 * discipline lead set at triage.
	 * @param route the route
	 * @param setByLead the lead's value (STANDARD), may be {@code null}
	 * @return the working days
	 */
	int investigationWorkingDays(Route route, Integer setByLead) {
		if (route == Route.GREEN) {
			return this.properties.greenWorkingDays();
		}
		return (setByLead != null) ? setByLead : this.properties.standardDefaultWorkingDays();
	}

	/**
	 * {@code Task_StartInvestigation} (after the deadline is armed).
	 * @param clueId the clue
	 * @param deadlineAt the armed deadline
	 */
	@Transactional
	public void startInvestigation(Long clueId, Date deadlineAt) {
		Clue clue = clue(clueId);
		clue.startInvestigation(deadlineAt.toInstant().atZone(zone()).toOffsetDateTime());
		this.audit.record("CLUE_INVESTIGATION_STARTED", ClueProcess.ITEM_TYPE, clue.getNumber(),
				ClueStatus.ACCEPTED.name(), "deadline " + deadlineAt.toInstant());
	}

	/**
	 * Complete listener of {@code Task_HandlingOpinion}.
	 * @param task the task being completed
	 */
	@Transactional
	public void proposeOpinion(DelegateTask task) {
		Clue clue = clue(clueId(task));
		HandlingOutcome outcome = HandlingOutcome.valueOf(string(task, ClueProcess.VAR_HANDLING_OUTCOME));
		this.opinions.save(new HandlingOpinion(clue.getId(), outcome,
				string(task, ClueProcess.VAR_HANDLING_OPINION).strip(), this.audit.currentActor(), now()));
		// The approver reads the outcome in Chinese, not its code
		task.getExecution().setVariable(ClueProcess.VAR_HANDLING_OUTCOME_NAME, outcome.label());
		this.audit.record("CLUE_OPINION_PROPOSED", ClueProcess.ITEM_TYPE, clue.getNumber(), null, outcome.name());
	}

	/**
	 * Complete listener of {@code Task_ApproveOpinion}.
	 * @param task the task being completed
	 */
	@Transactional
	public void decideOpinion(DelegateTask task) {
		Clue clue = clue(clueId(task));
		HandlingOpinion opinion = this.opinions.findFirstByClueIdOrderByIdDesc(clue.getId()).orElseThrow();
		checkUndecided(opinion.getApproved(), clue, "handling opinion");
		boolean approved = bool(task.getVariable(ClueProcess.VAR_OPINION_APPROVED));
		opinion.decide(approved, this.audit.currentActor(), now());
		this.audit.record(approved ? "CLUE_OPINION_APPROVED" : "CLUE_OPINION_REJECTED", ClueProcess.ITEM_TYPE,
				clue.getNumber(), opinion.getOutcome().name(), String.valueOf(approved));
	}

	/**
	 * {@code Task_Close}: closes the clue with its feedback, and mails the feedback to a
	 * named reporter who gave a mail address.
	 * @param clueId the clue
	 * @param feedbackText the feedback for the reporter
	 */
	@Transactional
	public void close(Long clueId, String feedbackText) {
		Clue clue = clue(clueId);
		ClueStatus before = clue.getStatus();
		clue.close(now());
		ClueFeedback feedback = this.feedbacks
			.save(new ClueFeedback(clue.getId(), feedbackText.strip(), this.audit.currentActor(), now()));
		Reporter reporter = decryptReporter(clue);
		if (reporter != null && reporter.email() != null) {
			// the outbox keeps the reference; the address is decrypted again when sending
			this.notifier.mailConfidential(ClueReporterMail.reference(clue.getNumber()),
					"问题线索办理结果反馈（" + clue.getNumber() + "）", "您反映的问题线索（编号 " + clue.getNumber() + "）已办结。\n\n反馈意见：\n"
							+ feedback.getText() + "\n\n感谢您对作风建设的关心和支持。");
			feedback.mailed();
		}
		this.audit.record("CLUE_CLOSED", ClueProcess.ITEM_TYPE, clue.getNumber(), before.name(),
				ClueStatus.CLOSED.name() + (feedback.isMailed() ? ", feedback mailed" : ""));
		this.events
			.publishEvent(new ClueClosed(clue.getNumber(), clue.getRoute(), clue.getReceivedAt(), clue.getClosedAt()));
	}

	/**
	 * Marks the clue overdue when its deadline escalates.
	 * @param event the escalation
	 */
	@EventListener
	@Transactional
	public void onDeadlinePassed(DeadlinePassed event) {
		if (!ClueProcess.KEY.equals(event.processDefinitionKey())) {
			return;
		}
		this.clues.findByProcessInstanceId(event.processInstanceId()).ifPresent((clue) -> {
			if (!clue.isOverdue()) {
				clue.markOverdue(
						(event.deadline() != null) ? event.deadline().atOffset(java.time.ZoneOffset.UTC) : null);
				this.audit.record("CLUE_OVERDUE", ClueProcess.ITEM_TYPE, clue.getNumber(), null,
						"level " + event.level());
			}
		});
	}

	// ---------------------------------------------------------------- extension

	/**
	 * Requests the one extension a STANDARD clue may have; the discipline lead decides in
	 * {@code Task_ApproveExtension}.
	 * @param clueId the clue
	 * @param reason the reason
	 * @param workingDays the extra working days
	 * @param userId the requesting member of the discipline group
	 */
	@Transactional
	public void requestExtension(Long clueId, String reason, Integer workingDays, String userId) {
		if (NewClue.isBlank(reason)) {
			throw ApiException.badRequest("请填写延期理由", "reason is required");
		}
		checkLength(reason, 2000, "延期理由", "reason");
		int max = this.properties.extensionMaxWorkingDays();
		if (workingDays == null || workingDays < 1 || workingDays > max) {
			throw ApiException.badRequest("延期天数应为1至" + max + "个工作日", "workingDays must be 1.." + max);
		}
		Clue clue = this.clues.lockById(clueId).orElseThrow(() -> ApiException.notFound("线索不存在", "no such clue"));
		if (clue.isExtensionUsed()) {
			throw ApiException.conflict("每条线索只能申请一次延期，本线索已申请过延期", "the clue has already had its extension request");
		}
		if (clue.getStatus() != ClueStatus.INVESTIGATING) {
			throw ApiException.conflict("只有正在核查的线索可以申请延期", "the clue is not under investigation");
		}
		if (clue.getRoute() != Route.STANDARD) {
			throw ApiException.conflict("绿色通道线索不能延期", "green channel clues cannot be extended");
		}
		clue.extensionRequested();
		this.extensions
			.save(new ClueExtension(clue.getId(), reason.strip(), workingDays, userId, now(), clue.getDeadlineAt()));
		this.systemAuthority.run(() -> {
			this.runtimeService.setVariable(clue.getProcessInstanceId(), ClueProcess.VAR_EXTENSION_REQUESTED_BY,
					userId);
			this.runtimeService.createMessageCorrelation(ClueProcess.MESSAGE_EXTENSION_REQUESTED)
				.processInstanceId(clue.getProcessInstanceId())
				.correlate();
		});
		this.audit.recordAs(userId, "CLUE_EXTENSION_REQUESTED", ClueProcess.ITEM_TYPE, clue.getNumber(), null,
				workingDays + " working days", null);
	}

	/**
	 * Complete listener of {@code Task_ApproveExtension}: on approval, moves the deadline
	 * and its timers by the requested working days.
	 * @param task the task being completed
	 */
	@Transactional
	public void decideExtension(DelegateTask task) {
		Clue clue = clue(clueId(task));
		ClueExtension extension = this.extensions.findFirstByClueIdOrderByIdDesc(clue.getId()).orElseThrow();
		checkUndecided(extension.getApproved(), clue, "extension");
		boolean approved = bool(task.getVariable(ClueProcess.VAR_EXTENSION_APPROVED));
		OffsetDateTime newDeadline = null;
		if (approved) {
			newDeadline = this.calendar.deadline(clue.getDeadlineAt().toInstant(), extension.getWorkingDays())
				.toOffsetDateTime();
			this.deadlineService.extend(task.getProcessInstanceId(), newDeadline.toInstant());
			clue.extendTo(newDeadline);
		}
		extension.decide(newDeadline, this.audit.currentActor(), now());
		this.audit.record(approved ? "CLUE_EXTENSION_APPROVED" : "CLUE_EXTENSION_REJECTED", ClueProcess.ITEM_TYPE,
				clue.getNumber(), String.valueOf(extension.getPreviousDeadline()), String.valueOf(newDeadline));
	}

	// ---------------------------------------------------------------- findings link

	/**
	 * Turns a confirmed clue into a problem of a running campaign: a ledger entry (source
	 * {@code CLUE}, reference the clue number) that starts its own rectification. A clue
	 * is confirmed when it is closed with an approved handling opinion other than 澄清正名
	 * and 不予处理.
	 * @param clueId the clue
	 * @param campaignId the running campaign, or {@code null} when exactly one runs
	 * @param categoryCode a problem category of the campaign taxonomy
	 * @param description the problem as it goes into the ledger, or {@code null} for the
	 * clue's description
	 * @param userId the member of the discipline group
	 * @return the ledger entry's code
	 */
	@Transactional
	String toLedger(Long clueId, Long campaignId, String categoryCode, String description, String userId) {
		if (!isMember(userId, Roles.DISCIPLINE_GROUP)) {
			throw ApiException.forbidden("只有派驻纪检组可以将线索转为整改问题",
					"only the discipline group may turn a clue into a problem");
		}
		Clue clue = this.clues.lockById(clueId).orElseThrow(() -> ApiException.notFound("线索不存在", "no such clue"));
		if (clue.getLedgerEntryCode() != null) {
			throw ApiException.conflict("该线索已转为整改问题：" + clue.getLedgerEntryCode(), "already in the ledger");
		}
		HandlingOpinion opinion = this.opinions.findFirstByClueIdOrderByIdDesc(clue.getId())
			.filter((o) -> Boolean.TRUE.equals(o.getApproved()))
			.orElse(null);
		if (clue.getStatus() != ClueStatus.CLOSED || opinion == null
				|| opinion.getOutcome() == HandlingOutcome.CLEAR_NAME
				|| opinion.getOutcome() == HandlingOutcome.NO_ACTION) {
			throw ApiException.conflict("只有经核实确认并已办结的线索可以转为整改问题", "the clue is not confirmed");
		}
		List<Campaign> running = this.campaigns.running();
		Campaign campaign;
		if (campaignId == null) {
			if (running.size() != 1) {
				throw ApiException.badRequest(running.isEmpty() ? "当前没有正在进行的专项整治" : "请选择专项整治",
						running.isEmpty() ? "no campaign is running" : "campaignId is required");
			}
			campaign = running.get(0);
		}
		else {
			campaign = running.stream()
				.filter((c) -> c.getId().equals(campaignId))
				.findFirst()
				.orElseThrow(() -> ApiException.badRequest("该专项整治不存在或未在进行中", "campaign not running"));
		}
		ProblemCategory category = this.campaigns.categories()
			.stream()
			.filter((c) -> c.isActive() && c.getCode().equals((categoryCode != null) ? categoryCode.strip() : null))
			.findFirst()
			.orElseThrow(() -> ApiException.badRequest("请选择有效的问题类别", "unknown categoryCode"));
		String text = NewClue.isBlank(description) ? clue.getDescription() : description.strip();
		LedgerEntry entry = this.ledger.open(new NewLedgerEntry(campaign.getId(), campaign.getCode(), null,
				clue.getSubjectUnitCode(), category.getCode(), category.getName(), text, "CLUE", clue.getNumber()));
		clue.linkLedger(entry.getCode());
		this.audit.recordAs(userId, "CLUE_TO_LEDGER", ClueProcess.ITEM_TYPE, clue.getNumber(), null, entry.getCode(),
				"campaign " + campaign.getCode());
		return entry.getCode();
	}

	// ---------------------------------------------------------------- register

	/**
	 * What a user may see of the register.
	 */
	enum Access {

		/** discipline group and lead: everything but the reporter. */
		FULL,
		/** supervisors, campaign office: no reporter, no persons, no content. */
		UNITS,
		/** nothing. */
		NONE

	}

	Access accessOf(String userId) {
		if (userId == null) {
			return Access.NONE;
		}
		List<String> groups = this.systemAuthority.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map((g) -> g.getId())
			.toList());
		if (groups.contains(Roles.DISCIPLINE_GROUP) || groups.contains(Roles.DISCIPLINE_LEAD)) {
			return Access.FULL;
		}
		if (groups.contains(Roles.SUPERVISORS) || groups.contains(Roles.CAMPAIGN_OFFICE)) {
			return Access.UNITS;
		}
		return Access.NONE;
	}

	boolean isMember(String userId, String groupId) {
		return userId != null && this.systemAuthority
			.call(() -> this.identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
	}

	/**
	 * The register, filtered and paged.
	 */
	@Transactional(readOnly = true)
	ClueViews.Page list(String userId, String status, String route, String channel, String unit, Boolean overdue,
			Boolean open, int page, int size) {
		Access access = accessOf(userId);
		if (access == Access.NONE) {
			throw ApiException.forbidden("您无权查看问题线索",
					"only the discipline group, supervisors and the campaign office " + "may see the clue register");
		}
		if (page < 0 || size < 1 || size > 200) {
			throw ApiException.badRequest("分页参数无效（每页1至200条）", "page must be >= 0 and size 1..200");
		}
		Specification<Clue> spec = filter(status, route, channel, unit, overdue, open);
		var result = this.clues.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
		List<ClueViews.Summary> items = result.getContent().stream().map((c) -> summary(c, access)).toList();
		return new ClueViews.Page(items, page, size, result.getTotalElements());
	}

	private static Specification<Clue> filter(String status, String route, String channel, String unit, Boolean overdue,
			Boolean open) {
		Specification<Clue> spec = (root, query, cb) -> cb.conjunction();
		if (!NewClue.isBlank(status)) {
			ClueStatus s = parseEnum(ClueStatus.class, status, "状态", "status");
			spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), s));
		}
		if (!NewClue.isBlank(route)) {
			Route r = parseEnum(Route.class, route, "办理通道", "route");
			spec = spec.and((root, query, cb) -> cb.equal(root.get("route"), r));
		}
		if (!NewClue.isBlank(channel)) {
			Channel c = parseEnum(Channel.class, channel, "举报渠道", "channel");
			spec = spec.and((root, query, cb) -> cb.equal(root.get("channel"), c));
		}
		if (!NewClue.isBlank(unit)) {
			String u = unit.strip();
			spec = spec.and((root, query, cb) -> cb.equal(root.get("subjectUnitCode"), u));
		}
		if (overdue != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("overdue"), overdue));
		}
		if (Boolean.TRUE.equals(open)) {
			List<ClueStatus> openStatuses = java.util.Arrays.stream(ClueStatus.values())
				.filter(ClueStatus::isOpen)
				.toList();
			spec = spec.and((root, query, cb) -> root.get("status").in(openStatuses));
		}
		return spec;
	}

	/**
	 * The register with the filters of {@code GET /api/clues}, unpaged, newest first, for
	 * exports. The caller must be allowed to see the register.
	 * @param userId the user asking
	 * @param status a {@link ClueStatus} name or {@code null}
	 * @param route a {@link Route} name or {@code null}
	 * @param channel a {@link Channel} name or {@code null}
	 * @param unit a unit code or {@code null}
	 * @param overdue the overdue mark or {@code null}
	 * @param open {@code true} for open clues only
	 * @return the matching clues
	 */
	@Transactional(readOnly = true)
	public List<Clue> search(String userId, String status, String route, String channel, String unit, Boolean overdue,
			Boolean open) {
		if (accessOf(userId) == Access.NONE) {
			throw ApiException.forbidden("您无权查看问题线索",
					"only the discipline group, supervisors and the campaign office may see the clue register");
		}
		return this.clues.findAll(filter(status, route, channel, unit, overdue, open),
				Sort.by(Sort.Direction.DESC, "id"));
	}

	/**
	 * Every clue, for statistics (no reporter data is ever readable outside this
	 * package).
	 * @return all clues
	 */
	@Transactional(readOnly = true)
	public List<Clue> all() {
		return this.clues.findAll(Sort.by(Sort.Direction.ASC, "id"));
	}

	/**
	 * One clue in full (without the reporter), for the discipline group and lead.
	 */
	@Transactional(readOnly = true)
	ClueViews.Detail detail(String userId, Long id) {
		if (accessOf(userId) != Access.FULL) {
			throw ApiException.forbidden("只有派驻纪检组可以查看线索详情", "only the discipline group may see a clue in full");
		}
		Clue clue = this.clues.findById(id).orElseThrow(() -> ApiException.notFound("线索不存在", "no such clue"));
		List<ClueViews.DisposalView> disposalViews = this.disposals.findByClueIdOrderByIdAsc(id)
			.stream()
			.map((d) -> new ClueViews.DisposalView(d.getMethod().name(), d.getReason(), d.getProposedBy(),
					d.getApproved(), d.getDecidedBy()))
			.toList();
		List<ClueViews.OpinionView> opinionViews = this.opinions.findByClueIdOrderByIdAsc(id)
			.stream()
			.map((o) -> new ClueViews.OpinionView(o.getOutcome().name(), o.getText(), o.getProposedBy(),
					o.getApproved(), o.getDecidedBy()))
			.toList();
		List<ClueViews.ExtensionView> extensionViews = this.extensions.findByClueIdOrderByIdAsc(id)
			.stream()
			.map((e) -> new ClueViews.ExtensionView(e.getReason(), e.getWorkingDays(), e.getRequestedBy(),
					e.getPreviousDeadline(), e.getNewDeadline(), e.getApproved()))
			.toList();
		List<ClueViews.AttachmentInfo> files = this.attachments.list(ClueProcess.ITEM_TYPE, clue.getNumber())
			.stream()
			.map((a) -> new ClueViews.AttachmentInfo(a.getId(), a.getFileName(), a.getSize(), a.getSha256()))
			.toList();
		return new ClueViews.Detail(summary(clue, Access.FULL), clue.getDescription(), clue.getOccurredOn(),
				clue.getRegisteredBy(), name(clue.getSuggestedDisposal()), clue.getDuplicateOf(),
				clue.getTransferBody(), clue.getDecisionReason(), clue.isExtensionUsed(), clue.getProcessInstanceId(),
				clue.getClosedAt(), disposalViews, opinionViews, extensionViews,
				this.feedbacks.findByClueId(id).map(ClueFeedback::getText).orElse(null), files,
				clue.getLedgerEntryCode());
	}

	private ClueViews.Summary summary(Clue clue, Access access) {
		String unitName = this.organisation.findUnit(clue.getSubjectUnitCode()).map(Unit::getName).orElse(null);
		return new ClueViews.Summary(clue.getId(), clue.getNumber(), clue.getChannel().name(),
				clue.getCategory().name(), clue.getSubjectUnitCode(), unitName,
				(access == Access.FULL) ? clue.getSubjectPerson() : null, clue.getStatus().name(),
				clue.getStatus().label(), name(clue.getRoute()), name(clue.getDisposal()), clue.getReceivedAt(),
				clue.getDeadlineAt(), clue.isOverdue(), clue.isReporterAnonymous());
	}

	/**
	 * Reveals the reporter to a member of the discipline group, with an audited reason.
	 * @param clueId the clue
	 * @param reason why the identity is needed
	 * @param userId the user asking
	 * @return the reporter, or {@code null} for an anonymous clue
	 */
	@Transactional
	Reporter revealReporter(Long clueId, String reason, String userId) {
		if (!isMember(userId, Roles.DISCIPLINE_GROUP)) {
			throw ApiException.forbidden("只有派驻纪检组可以查看举报人信息", "only the discipline group may reveal a reporter");
		}
		if (NewClue.isBlank(reason)) {
			throw ApiException.badRequest("请填写查看举报人信息的事由", "a reason is required");
		}
		checkLength(reason, 500, "事由", "reason");
		Clue clue = this.clues.findById(clueId).orElseThrow(() -> ApiException.notFound("线索不存在", "no such clue"));
		Reporter reporter = decryptReporter(clue);
		this.audit.recordAs(userId, ACTION_REVEALED, ClueProcess.ITEM_TYPE, clue.getNumber(), null,
				(reporter == null) ? "anonymous" : "revealed", "reason: " + reason.strip());
		log.info("Reporter of clue {} revealed to {}", clue.getNumber(), userId);
		return reporter;
	}

	// ---------------------------------------------------------------- helpers

	/**
	 * Each approval task decides the latest proposal, which the process only ever offers
	 * undecided. Found decided, it was decided by a second completion of the same task
	 * that committed while this one ran (two approvers, or one approver's double submit):
	 * this completion lost the race and is rolled back as a conflict (409), not as a
	 * broken invariant.
	 */
	private static void checkUndecided(Boolean decision, Clue clue, String what) {
		if (decision != null) {
			throw new OptimisticLockingException(
					"The " + what + " of clue " + clue.getNumber() + " has just been decided by someone else");
		}
	}

	Clue clue(Long clueId) {
		return this.clues.findById(clueId).orElseThrow(() -> new IllegalStateException("No clue " + clueId));
	}

	Optional<Clue> findByNumber(String number) {
		return this.clues.findByNumber(number);
	}

	private static Long clueId(DelegateTask task) {
		return ((Number) task.getVariable(ClueProcess.VAR_CLUE_ID)).longValue();
	}

	private static String string(DelegateTask task, String name) {
		Object value = task.getVariable(name);
		return (value != null && !String.valueOf(value).isBlank()) ? String.valueOf(value).strip() : null;
	}

	static boolean bool(Object value) {
		if (value instanceof Boolean b) {
			return b;
		}
		return value != null && "true".equalsIgnoreCase(String.valueOf(value).strip());
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	private static String trimToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private ZoneId zone() {
		return this.calendar.zone();
	}

	private OffsetDateTime now() {
		return at(ClockUtil.getCurrentTime().toInstant());
	}

	private OffsetDateTime at(Instant instant) {
		return instant.atZone(zone()).toOffsetDateTime();
	}

	List<String> openClueNumbers() {
		List<ClueStatus> open = new ArrayList<>();
		for (ClueStatus s : ClueStatus.values()) {
			if (s.isOpen()) {
				open.add(s);
			}
		}
		return this.clues.numbersWithStatusIn(open);
	}

}
