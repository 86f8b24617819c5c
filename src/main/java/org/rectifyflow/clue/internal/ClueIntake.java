package org.rectifyflow.clue.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueCategory;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueReceived;
import org.rectifyflow.clue.ClueStatus;
import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import static org.rectifyflow.clue.internal.ClueInputs.checkLength;
import static org.rectifyflow.clue.internal.ClueInputs.parseEnum;
import static org.rectifyflow.clue.internal.ClueInputs.trimToNull;

/**
 * Intake of problem clues: receives a clue from staff or the public, validates it, gives
 * it its number, encrypts the reporter, stores the evidence and starts the process; and
 * the public's lookup by receipt code. Nothing is stored unless everything is accepted.
 */
@Service
public class ClueIntake {

	static final String PUBLIC_USER = "public";

	static final String ACTION_RECEIVED = "CLUE_RECEIVED";

	private static final Logger log = LoggerFactory.getLogger(ClueIntake.class);

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,60}");

	private static final Set<Channel> PUBLIC_CHANNELS = Set.of(Channel.WEBSITE, Channel.APP, Channel.WECHAT);

	private final ClueRepository clues;

	private final ClueFeedbackRepository feedbacks;

	private final ClueNumberSequenceRepository sequences;

	private final ReporterCipher cipher;

	private final ClueProperties properties;

	private final OrganisationService organisation;

	private final AttachmentService attachments;

	private final RuntimeService runtimeService;

	private final SystemAuthority systemAuthority;

	private final WorkingDayCalendar calendar;

	private final AuditService audit;

	private final ApplicationEventPublisher events;

	ClueIntake(ClueRepository clues, ClueFeedbackRepository feedbacks, ClueNumberSequenceRepository sequences,
			ReporterCipher cipher, ClueProperties properties, OrganisationService organisation,
			AttachmentService attachments, RuntimeService runtimeService, SystemAuthority systemAuthority,
			WorkingDayCalendar calendar, AuditService audit, ApplicationEventPublisher events) {
		this.clues = clues;
		this.feedbacks = feedbacks;
		this.sequences = sequences;
		this.cipher = cipher;
		this.properties = properties;
		this.organisation = organisation;
		this.attachments = attachments;
		this.runtimeService = runtimeService;
		this.systemAuthority = systemAuthority;
		this.calendar = calendar;
		this.audit = audit;
		this.events = events;
	}

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
		String cipherText = input.anonymous() ? null : this.cipher.seal(new Reporter(trimToNull(input.reporterName()),
				trimToNull(input.reporterContact()), trimToNull(input.reporterEmail())), number);
		Clue clue = this.clues.save(new Clue(number, ReceiptCodes.hash(receiptCode), valid.channel(), valid.category(),
				valid.unit().getCode(), trimToNull(input.subjectPerson()), input.description().strip(),
				valid.occurredOn(), cipherText, now.atZone(zone()).toOffsetDateTime(),
				isPublic ? PUBLIC_USER : userId));
		String actor = isPublic ? PUBLIC_USER : userId;
		for (MultipartFile file : files) {
			try {
				this.attachments.store(ClueProcess.ITEM_TYPE, number, file, actor);
			}
			catch (Refusal ex) {
				throw Refusal.invalid("附件“" + file.getOriginalFilename() + "”未被接受：" + ex.getMessageZh(),
						"attachment rejected: " + ex.getMessageEn());
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
			throw Refusal.invalid("请填写线索内容", "the clue is missing");
		}
		Channel channel = parseEnum(Channel.class, input.channel(), "举报渠道", "channel");
		if (isPublic && !PUBLIC_CHANNELS.contains(channel)) {
			throw Refusal.invalid("在线举报只能选择网站、手机APP或微信公众号渠道",
					"the public may only report through WEBSITE, APP or WECHAT");
		}
		ClueCategory category = parseEnum(ClueCategory.class, input.category(), "问题类别", "category");
		if (NewClue.isBlank(input.subjectUnit())) {
			throw Refusal.invalid("请选择被反映单位", "subjectUnit is required");
		}
		Unit unit = this.organisation.findUnit(input.subjectUnit().strip())
			.filter(Unit::isActive)
			.orElseThrow(() -> Refusal.invalid("被反映单位不存在", "unknown subjectUnit"));
		if (NewClue.isBlank(input.description())) {
			throw Refusal.invalid("请填写问题描述", "description is required");
		}
		int max = this.properties.descriptionMaxLength();
		String description = input.description().strip();
		if (description.codePointCount(0, description.length()) > max) {
			throw Refusal.invalid("问题描述不能超过" + max + "个字", "description is longer than " + max);
		}
		checkLength(input.subjectPerson(), 100, "被反映人", "subjectPerson");
		checkLength(input.reporterName(), 100, "举报人姓名", "reporterName");
		checkLength(input.reporterContact(), 200, "联系方式", "reporterContact");
		checkLength(input.reporterEmail(), 254, "电子邮箱", "reporterEmail");
		if (!NewClue.isBlank(input.reporterEmail()) && !EMAIL.matcher(input.reporterEmail().strip()).matches()) {
			throw Refusal.invalid("电子邮箱格式不正确", "reporterEmail is not a mail address");
		}
		LocalDate occurredOn = null;
		if (!NewClue.isBlank(input.occurredOn())) {
			try {
				occurredOn = LocalDate.parse(input.occurredOn().strip());
			}
			catch (DateTimeParseException ex) {
				throw Refusal.invalid("发生时间格式不正确（应为 yyyy-MM-dd）", "occurredOn is not an ISO date");
			}
			LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone()).toLocalDate();
			if (occurredOn.isAfter(today)) {
				throw Refusal.invalid("发生时间不能晚于今天", "occurredOn lies in the future");
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
			throw Refusal.invalid("附件不能超过" + this.properties.publicMaxAttachments() + "个", "too many attachments");
		}
		DataSize max = this.properties.publicAttachmentMaxSize();
		for (MultipartFile file : files) {
			if (file.getSize() > max.toBytes()) {
				throw Refusal.invalid("附件“" + file.getOriginalFilename() + "”超过大小上限 " + max.toMegabytes() + " MB",
						"attachment larger than " + max);
			}
			String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "";
			int dot = name.lastIndexOf('.');
			String ext = (dot >= 0) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
			if (!this.properties.publicAttachmentTypes().contains(ext)) {
				throw Refusal.invalid("不支持的附件类型，允许的类型：" + String.join("、", this.properties.publicAttachmentTypes()),
						"attachment type not allowed: " + ext);
			}
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

	private ZoneId zone() {
		return this.calendar.zone();
	}

}
