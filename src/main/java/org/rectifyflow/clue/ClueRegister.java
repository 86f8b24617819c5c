package org.rectifyflow.clue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.clue.internal.ClueAccess;
import org.rectifyflow.clue.internal.ClueDisposalRepository;
import org.rectifyflow.clue.internal.ClueExtensionRepository;
import org.rectifyflow.clue.internal.ClueFeedback;
import org.rectifyflow.clue.internal.ClueFeedbackRepository;
import org.rectifyflow.clue.internal.ClueInputs;
import org.rectifyflow.clue.internal.ClueRepository;
import org.rectifyflow.clue.internal.ClueViews;
import org.rectifyflow.clue.internal.DuplicateCandidate;
import org.rectifyflow.clue.internal.HandlingOpinionRepository;
import org.rectifyflow.clue.internal.NewClue;
import org.rectifyflow.clue.internal.Reporter;
import org.rectifyflow.clue.internal.ReporterCipher;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.rectifyflow.kernel.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.rectifyflow.clue.internal.ClueInputs.parseEnum;

/**
 * The clue register: lists and filters clues for those allowed to see them
 * ({@link ClueAccess}), shows one clue in full, and reveals a reporter to the discipline
 * group with an audited reason. The reporter's identity is decrypted for nobody else; it
 * never reaches a view, a log line, a process variable or the mail outbox.
 */
@Service
public class ClueRegister {

	public static final String ACTION_REVEALED = "CLUE_REPORTER_REVEALED";

	private static final Logger log = LoggerFactory.getLogger(ClueRegister.class);

	private final ClueRepository clues;

	private final ClueDisposalRepository disposals;

	private final HandlingOpinionRepository opinions;

	private final ClueExtensionRepository extensions;

	private final ClueFeedbackRepository feedbacks;

	private final ReporterCipher cipher;

	private final ClueAccess access;

	private final OrganisationService organisation;

	private final AttachmentService attachments;

	private final AuditService audit;

	ClueRegister(ClueRepository clues, ClueDisposalRepository disposals, HandlingOpinionRepository opinions,
			ClueExtensionRepository extensions, ClueFeedbackRepository feedbacks, ReporterCipher cipher,
			ClueAccess access, OrganisationService organisation, AttachmentService attachments, AuditService audit) {
		this.clues = clues;
		this.disposals = disposals;
		this.opinions = opinions;
		this.extensions = extensions;
		this.feedbacks = feedbacks;
		this.cipher = cipher;
		this.access = access;
		this.organisation = organisation;
		this.attachments = attachments;
		this.audit = audit;
	}

	/**
	 * The register, filtered and paged.
	 */
	@Transactional(readOnly = true)
	public ClueViews.Page list(String userId, String status, String route, String channel, String unit, Boolean overdue,
			Boolean open, int page, int size) {
		ClueAccess.Level level = checkMaySee(userId);
		if (page < 0 || size < 1 || size > 200) {
			throw Refusal.invalid("分页参数无效（每页1至200条）", "page must be >= 0 and size 1..200");
		}
		Specification<Clue> spec = filter(status, route, channel, unit, overdue, open);
		var result = this.clues.findAll(spec, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
		List<ClueViews.Summary> items = result.getContent().stream().map((c) -> summary(c, level)).toList();
		return new ClueViews.Page(items, page, size, result.getTotalElements());
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
		checkMaySee(userId);
		return this.clues.findAll(filter(status, route, channel, unit, overdue, open),
				Sort.by(Sort.Direction.DESC, "id"));
	}

	private ClueAccess.Level checkMaySee(String userId) {
		ClueAccess.Level level = this.access.of(userId);
		if (level == ClueAccess.Level.NONE) {
			throw Refusal.forbidden("您无权查看问题线索",
					"only the discipline group, supervisors and the campaign office may see the clue register");
		}
		return level;
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
			spec = spec.and((root, query, cb) -> cb.equal(root.get("report").get("channel"), c));
		}
		if (!NewClue.isBlank(unit)) {
			String u = unit.strip();
			spec = spec.and((root, query, cb) -> cb.equal(root.get("report").get("subjectUnitCode"), u));
		}
		if (overdue != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("deadline").get("overdue"), overdue));
		}
		if (Boolean.TRUE.equals(open)) {
			spec = spec.and((root, query, cb) -> root.get("status").in(openStatuses()));
		}
		return spec;
	}

	private static List<ClueStatus> openStatuses() {
		return Arrays.stream(ClueStatus.values()).filter(ClueStatus::isOpen).toList();
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
	 * The newest clues but one, newest first: what a registrar may find a new clue
	 * repeating. Reads only that many, however many clues there are.
	 * @param except the number of the clue being registered
	 * @param count how many at most
	 * @return the clues
	 */
	@Transactional(readOnly = true)
	public List<DuplicateCandidate> newestExcept(String except, int count) {
		return this.clues.newestExcept(except, PageRequest.of(0, count));
	}

	/**
	 * @return the numbers of the clues still open, for the consistency check
	 */
	public List<String> openClueNumbers() {
		return this.clues.numbersWithStatusIn(openStatuses());
	}

	public Optional<Clue> findByNumber(String number) {
		return this.clues.findByNumber(number);
	}

	public Clue clue(Long clueId) {
		return this.clues.findById(clueId).orElseThrow(() -> Refusal.notFound("线索不存在", "no clue " + clueId));
	}

	/**
	 * One clue in full (without the reporter), for the discipline group and lead.
	 */
	@Transactional(readOnly = true)
	public ClueViews.Detail detail(String userId, Long id) {
		if (this.access.of(userId) != ClueAccess.Level.FULL) {
			throw Refusal.forbidden("只有派驻纪检组可以查看线索详情", "only the discipline group may see a clue in full");
		}
		Clue clue = clue(id);
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
		return new ClueViews.Detail(summary(clue, ClueAccess.Level.FULL), clue.getDescription(), clue.getOccurredOn(),
				clue.getRegisteredBy(), name(clue.getSuggestedDisposal()), clue.getDuplicateOf(),
				clue.getTransferBody(), clue.getDecisionReason(), clue.isExtensionUsed(), clue.getProcessInstanceId(),
				clue.getClosedAt(), disposalViews, opinionViews, extensionViews,
				this.feedbacks.findByClueId(id).map(ClueFeedback::getText).orElse(null), files,
				clue.getLedgerEntryCode());
	}

	/**
	 * What the user may see of one clue in the register's list (no content and no persons
	 * outside the discipline group).
	 * @param userId the user asking
	 * @param id the clue
	 * @return the summary
	 */
	@Transactional(readOnly = true)
	public ClueViews.Summary summary(String userId, Long id) {
		ClueAccess.Level level = checkMaySee(userId);
		return summary(clue(id), level);
	}

	private ClueViews.Summary summary(Clue clue, ClueAccess.Level level) {
		String unitName = this.organisation.findUnit(clue.getSubjectUnitCode()).map(Unit::getName).orElse(null);
		return new ClueViews.Summary(clue.getId(), clue.getNumber(), clue.getChannel().name(),
				clue.getCategory().name(), clue.getSubjectUnitCode(), unitName,
				(level == ClueAccess.Level.FULL) ? clue.getSubjectPerson() : null, clue.getStatus().name(),
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
	public Reporter revealReporter(Long clueId, String reason, String userId) {
		if (!this.access.isDisciplineGroup(userId)) {
			throw Refusal.forbidden("只有派驻纪检组可以查看举报人信息", "only the discipline group may reveal a reporter");
		}
		if (NewClue.isBlank(reason)) {
			throw Refusal.invalid("请填写查看举报人信息的事由", "a reason is required");
		}
		ClueInputs.checkLength(reason, 500, "事由", "reason");
		Clue clue = clue(clueId);
		Reporter reporter = this.cipher.open(clue);
		this.audit.recordAs(userId, ACTION_REVEALED, ClueProcess.ITEM_TYPE, clue.getNumber(), null,
				(reporter == null) ? "anonymous" : "revealed", "reason: " + reason.strip());
		log.info("Reporter of clue {} revealed to {}", clue.getNumber(), userId);
		return reporter;
	}

	/**
	 * The reporter's mail address, decrypted for sending the feedback.
	 * @param clueNumber the clue
	 * @return the address, if the clue exists and its reporter gave one
	 */
	@Transactional(readOnly = true)
	public Optional<String> reporterEmail(String clueNumber) {
		return this.clues.findByNumber(clueNumber).map(this.cipher::open).map(Reporter::email);
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
