package org.rectifyflow.rectification;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.deadline.DeadlinePassed;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.pages.ItemLinks;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.rectification.internal.LedgerEntryRepository;
import org.rectifyflow.rectification.internal.ProgressReport;
import org.rectifyflow.rectification.internal.ProgressReportRepository;
import org.rectifyflow.rectification.internal.StatusNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification ledger (整改工作台账): opens entries, each with its own
 * {@code rectification} process instance, and tells the campaign when every entry of it
 * is settled (closed or carried over) by correlating
 * {@value RectificationProcess#MESSAGE_LEDGER_CLOSED}.
 */
@Service
public class LedgerService {

	static final String ACTION_OPENED = "LEDGER_ENTRY_OPENED";

	static final String ACTION_OVERDUE = "LEDGER_ENTRY_OVERDUE";

	static final String ACTION_LEDGER_SETTLED = "LEDGER_SETTLED";

	private static final Logger logger = LoggerFactory.getLogger(LedgerService.class);

	private static final Pattern CAMPAIGN_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,43}");

	/** Longest text variable given to the forms (problem summary, staff list). */
	private static final int SUMMARY_LENGTH = 200;

	private final LedgerEntryRepository entries;

	private final ProgressReportRepository reports;

	private final OrganisationService organisation;

	private final RuntimeService runtimeService;

	private final SystemAuthority systemAuthority;

	private final AuditService audit;

	private final Notifier notifier;

	private final WorkingDayCalendar calendar;

	LedgerService(LedgerEntryRepository entries, ProgressReportRepository reports, OrganisationService organisation,
			RuntimeService runtimeService, SystemAuthority systemAuthority, AuditService audit, Notifier notifier,
			WorkingDayCalendar calendar) {
		this.entries = entries;
		this.reports = reports;
		this.organisation = organisation;
		this.runtimeService = runtimeService;
		this.systemAuthority = systemAuthority;
		this.audit = audit;
		this.notifier = notifier;
		this.calendar = calendar;
	}

	/**
	 * Validates and stores a new ledger entry (code = campaign code + "-" + three-digit
	 * sequence number, e.g. {@code ZZ-2026-001-007}) and starts its {@code rectification}
	 * process instance (business key = the entry's code), on the application's own
	 * authority. The unit's recorded leader gets the first task and is the default
	 * responsible leader.
	 * @param entry the problem to rectify
	 * @return the stored entry, linked to its process instance
	 * @throws Refusal (400) if the entry is invalid or its unit unknown, inactive or
	 * without a leader
	 */
	@Transactional
	public LedgerEntry open(NewLedgerEntry entry) {
		Unit unit = validate(entry);
		List<LedgerEntry> existing = this.entries.lockByCampaignId(entry.campaignId());
		existing.stream().filter((e) -> !e.getCampaignCode().equals(entry.campaignCode())).findAny().ifPresent((e) -> {
			throw Refusal.invalid("整治活动编号与已有台账不一致：" + e.getCampaignCode(), "campaign " + entry.campaignId()
					+ " has the code " + e.getCampaignCode() + ", not " + entry.campaignCode());
		});
		int seq = existing.stream().mapToInt(LedgerEntry::getSeq).max().orElse(0) + 1;
		LedgerEntry saved = this.entries.save(new LedgerEntry(entry, seq, unit.getLeaderUserId(), now()));
		this.audit.record(ACTION_OPENED, RectificationProcess.ITEM_TYPE, String.valueOf(saved.getId()), null,
				saved.getCode() + " unit=" + saved.getUnitCode() + " category=" + saved.getCategoryCode() + " source="
						+ saved.getSource() + ((saved.getSourceRef() != null) ? " ref=" + saved.getSourceRef() : ""));
		Map<String, Object> variables = new HashMap<>();
		variables.put(RectificationProcess.VAR_LEDGER_ENTRY_ID, saved.getId());
		variables.put(RectificationProcess.VAR_ENTRY_CODE, saved.getCode());
		variables.put(RectificationProcess.VAR_CAMPAIGN_ID, saved.getCampaignId());
		variables.put(RectificationProcess.VAR_CAMPAIGN_CODE, saved.getCampaignCode());
		variables.put(RectificationProcess.VAR_UNIT_CODE, unit.getCode());
		variables.put(RectificationProcess.VAR_UNIT_NAME, unit.getName());
		variables.put(RectificationProcess.VAR_UNIT_LEADER, unit.getLeaderUserId());
		variables.put(RectificationProcess.VAR_CATEGORY_NAME, saved.getCategoryName());
		variables.put(RectificationProcess.VAR_PROBLEM_SUMMARY, summaryOf(saved.getDescription()));
		variables.put(RectificationProcess.VAR_CARRIED_OVER, false);
		ProcessInstance instance = this.systemAuthority.call(() -> this.runtimeService
			.startProcessInstanceByKey(RectificationProcess.KEY, saved.getCode(), variables));
		saved.linkProcess(instance.getId());
		this.notifier.notifyUser(unit.getLeaderUserId(),
				"整改事项「" + saved.getCode() + "」（" + saved.getCategoryName() + "）已列入台账，请指定责任人。", link(saved));
		logger.info("Opened ledger entry {} for unit {} (process instance {})", saved.getCode(), unit.getCode(),
				instance.getId());
		return saved;
	}

	/**
	 * Whether every entry of the campaign is closed (销号) or carried over (结转).
	 * @param campaignId the campaign id
	 * @return {@code true} also when the campaign has no entries
	 */
	@Transactional(readOnly = true)
	public boolean allSettled(Long campaignId) {
		return this.entries.countByCampaignIdAndStatusNotIn(campaignId, SETTLED) == 0;
	}

	/**
	 * Statistics of the campaign's ledger.
	 * @param campaignId the campaign id
	 * @return the summary, all zero when the campaign has no entries
	 */
	@Transactional(readOnly = true)
	public LedgerSummary summary(Long campaignId) {
		List<LedgerEntry> all = this.entries.findByCampaignIdOrderBySeqAsc(campaignId);
		long total = all.size();
		long closed = count(all, LedgerEntry.Status.CLOSED);
		long carriedOver = count(all, LedgerEntry.Status.CARRIED_OVER);
		List<LedgerEntry> overdue = all.stream().filter((e) -> e.isOverdue() && !e.isSettled()).toList();
		return new LedgerSummary(total, total - closed - carriedOver, overdue.size(), closed, carriedOver,
				(total == 0) ? 0.0 : (double) closed / total, countBy(all, LedgerEntry::getUnitCode),
				countBy(all, LedgerEntry::getCategoryCode), countBy(all, (e) -> e.getStatus().name()),
				countBy(overdue, LedgerEntry::getUnitCode));
	}

	/**
	 * @param campaignId the campaign id
	 * @return the campaign's entries in the order they were opened
	 */
	@Transactional(readOnly = true)
	public List<LedgerEntry> entries(Long campaignId) {
		return this.entries.findByCampaignIdOrderBySeqAsc(campaignId);
	}

	/**
	 * Every ledger entry of every campaign, for statistics.
	 * @return all entries, by campaign and sequence
	 */
	@Transactional(readOnly = true)
	public List<LedgerEntry> allEntries() {
		return this.entries.findAll(org.springframework.data.domain.Sort.by("campaignId", "seq"));
	}

	/**
	 * @param id a ledger entry id
	 * @return the entry, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<LedgerEntry> find(Long id) {
		return this.entries.findById(id);
	}

	/**
	 * @param code a ledger entry code
	 * @return the entry, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<LedgerEntry> findByCode(String code) {
		return this.entries.findByCode(code);
	}

	/**
	 * Entries of a campaign, filtered.
	 * @param campaignId the campaign
	 * @param allUnits {@code true} for every unit, else only {@code units}
	 * @param units the unit codes to show (not empty)
	 * @param status only this status, or {@code null}
	 * @param overdue only entries with this overdue mark, or {@code null}
	 * @param openOnly only entries neither closed nor carried over
	 * @param pageable the page
	 * @return the page of entries
	 */
	@Transactional(readOnly = true)
	public Page<LedgerEntry> search(Long campaignId, boolean allUnits, Collection<String> units,
			LedgerEntry.Status status, Boolean overdue, boolean openOnly, Pageable pageable) {
		return this.entries.search(campaignId, allUnits, units, status, overdue, openOnly, SETTLED, pageable);
	}

	/**
	 * The latest progress report of each of the campaign's entries, for exports.
	 * @param campaignId the campaign
	 * @return progress text by entry id (entries without reports are left out)
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> latestProgress(Long campaignId) {
		Map<Long, String> result = new HashMap<>();
		for (LedgerEntry entry : this.entries.findByCampaignIdOrderBySeqAsc(campaignId)) {
			List<ProgressReport> list = this.reports.findByLedgerEntryIdOrderByIdAsc(entry.getId());
			if (!list.isEmpty()) {
				result.put(entry.getId(), list.get(list.size() - 1).getText());
			}
		}
		return result;
	}

	/**
	 * @param status a ledger entry status
	 * @return its Chinese name as the ledger shows it
	 */
	public static String statusName(LedgerEntry.Status status) {
		return StatusNames.of(status);
	}

	/**
	 * @param entryId a ledger entry id
	 * @return its progress reports, oldest first
	 */
	@Transactional(readOnly = true)
	public List<ProgressReport> progress(Long entryId) {
		return this.reports.findByLedgerEntryIdOrderByIdAsc(entryId);
	}

	/**
	 * Loads an entry for a change that may settle it, with every entry of its campaign
	 * locked, so that {@link #afterSettlement(LedgerEntry)} sees all committed changes.
	 */
	public LedgerEntry lockForSettlement(Long entryId) {
		LedgerEntry entry = this.entries.findById(entryId)
			.orElseThrow(() -> new IllegalArgumentException("No ledger entry " + entryId));
		this.entries.lockByCampaignId(entry.getCampaignId());
		return entry;
	}

	/**
	 * Called after an entry was closed or carried over (its campaign's entries locked by
	 * {@link #lockForSettlement(Long)}): when the campaign's ledger is now settled,
	 * correlates {@value RectificationProcess#MESSAGE_LEDGER_CLOSED} to the campaign
	 * process (business key = campaign code). No error if nobody waits for it.
	 * @return whether the message was correlated
	 */
	public boolean afterSettlement(LedgerEntry entry) {
		this.entries.flush();
		if (!allSettled(entry.getCampaignId())) {
			return false;
		}
		List<MessageCorrelationResult> results = this.systemAuthority
			.call(() -> this.runtimeService.createMessageCorrelation(RectificationProcess.MESSAGE_LEDGER_CLOSED)
				.processInstanceBusinessKey(entry.getCampaignCode())
				.correlateAllWithResult());
		this.audit.record(ACTION_LEDGER_SETTLED, "campaign", String.valueOf(entry.getCampaignId()), null,
				"last entry " + entry.getCode() + "; " + RectificationProcess.MESSAGE_LEDGER_CLOSED + " correlated to "
						+ results.size() + " instance(s) with business key " + entry.getCampaignCode());
		logger.info("Ledger of campaign {} settled with {}; message correlated to {} instance(s)",
				entry.getCampaignCode(), entry.getCode(), results.size());
		return true;
	}

	/**
	 * Marks the ledger entry of an overdue rectification; the escalation ladder publishes
	 * the event in its own transaction.
	 * @param event the deadline that passed
	 */
	@EventListener
	@Transactional
	public void onDeadlinePassed(DeadlinePassed event) {
		if (!RectificationProcess.KEY.equals(event.processDefinitionKey())) {
			return;
		}
		Optional<LedgerEntry> found = (event.businessKey() != null) ? this.entries.findByCode(event.businessKey())
				: this.entries.findByProcessInstanceId(event.processInstanceId());
		if (found.isEmpty()) {
			logger.warn("No ledger entry for overdue rectification {} ({})", event.processInstanceId(),
					event.businessKey());
			return;
		}
		LedgerEntry entry = found.get();
		if (entry.markOverdue(now())) {
			this.audit.record(ACTION_OVERDUE, RectificationProcess.ITEM_TYPE, String.valueOf(entry.getId()), "false",
					"true");
			if (entry.getResponsiblePerson() != null) {
				this.notifier.notifyUser(entry.getResponsiblePerson(),
						"整改事项「" + entry.getCode() + "」已超过整改时限，已启动督办，请尽快完成整改。", link(entry));
			}
		}
	}

	public OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toOffsetDateTime();
	}

	public static String link(LedgerEntry entry) {
		return ItemLinks.ledgerEntry(entry.getId());
	}

	private Unit validate(NewLedgerEntry entry) {
		if (entry == null) {
			throw Refusal.invalid("台账条目不能为空", "the ledger entry is missing");
		}
		if (entry.campaignId() == null) {
			throw Refusal.invalid("缺少整治活动", "campaignId is required");
		}
		if (entry.campaignCode() == null || !CAMPAIGN_CODE.matcher(entry.campaignCode()).matches()) {
			throw Refusal.invalid("整治活动编号无效", "campaignCode is missing or invalid");
		}
		requireText(entry.description(), 4000, "问题描述", "description");
		requireText(entry.categoryCode(), 64, "问题类别", "categoryCode");
		if (entry.categoryName() != null && entry.categoryName().strip().length() > 100) {
			throw Refusal.invalid("「问题类别名称」不能超过100个字", "categoryName is longer than 100 characters");
		}
		if (entry.source() == null || !LedgerProblem.SOURCES.contains(entry.source())) {
			throw Refusal.invalid("问题来源无效", "source must be one of " + LedgerProblem.SOURCES);
		}
		if (entry.sourceRef() != null && entry.sourceRef().length() > 100) {
			throw Refusal.invalid("「来源编号」不能超过100个字", "sourceRef is longer than 100 characters");
		}
		Unit unit = this.organisation.findUnit(entry.unitCode())
			.filter(Unit::isActive)
			.orElseThrow(() -> Refusal.invalid("单位不存在或已停用：" + entry.unitCode(),
					"unknown or inactive unit " + entry.unitCode()));
		if (unit.getLeaderUserId() == null) {
			throw Refusal.invalid("单位「" + unit.getName() + "」未登记负责人，无法指定责任人",
					"unit " + unit.getCode() + " has no recorded leader");
		}
		return unit;
	}

	private static void requireText(String value, int max, String labelZh, String name) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalid("「" + labelZh + "」为必填项", name + " is required");
		}
		if (value.strip().codePointCount(0, value.strip().length()) > max) {
			throw Refusal.invalid("「" + labelZh + "」不能超过" + max + "个字",
					name + " is longer than " + max + " characters");
		}
	}

	private static String summaryOf(String description) {
		return (description.length() <= SUMMARY_LENGTH) ? description
				: description.substring(0, SUMMARY_LENGTH - 1) + "…";
	}

	private static long count(List<LedgerEntry> all, LedgerEntry.Status status) {
		return all.stream().filter((e) -> e.getStatus() == status).count();
	}

	private static Map<String, Long> countBy(List<LedgerEntry> all, Function<LedgerEntry, String> key) {
		return all.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
	}

	static final List<LedgerEntry.Status> SETTLED = List.of(LedgerEntry.Status.CLOSED, LedgerEntry.Status.CARRIED_OVER);

}
