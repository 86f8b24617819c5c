package org.rectifyflow.campaign;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.internal.AnalysisFlagRepository;
import org.rectifyflow.campaign.internal.AnalysisSnapshot;
import org.rectifyflow.campaign.internal.AnalysisSnapshotRepository;
import org.rectifyflow.campaign.internal.CampaignClock;
import org.rectifyflow.campaign.internal.CampaignLedger;
import org.rectifyflow.campaign.internal.ProblemRepository;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.identity.Roles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 分析研判: statistics snapshots of a campaign while rectification runs, and the flags the
 * discipline group decides on. Called by {@code SubProcess_Analysis}.
 */
@Service("campaignAnalysis")
@Transactional
public class CampaignAnalysis {

	/** Units with the same category that make it systemic. */
	static final int SYSTEMIC_UNITS = 3;

	/** Overdue entries that flag a unit. */
	static final int OVERDUE_ENTRIES = 3;

	private final CampaignService campaigns;

	private final ProblemRepository problems;

	private final AnalysisSnapshotRepository snapshots;

	private final AnalysisFlagRepository flags;

	private final CampaignLedger ledger;

	private final AuditService audit;

	private final Notifier notifier;

	private final ObjectMapper json;

	private final CampaignClock clock;

	private final ApplicationEventPublisher events;

	CampaignAnalysis(CampaignService campaigns, ProblemRepository problems, AnalysisSnapshotRepository snapshots,
			AnalysisFlagRepository flags, CampaignLedger ledger, AuditService audit, Notifier notifier,
			ObjectMapper json, CampaignClock clock, ApplicationEventPublisher events) {
		this.campaigns = campaigns;
		this.problems = problems;
		this.snapshots = snapshots;
		this.flags = flags;
		this.ledger = ledger;
		this.audit = audit;
		this.notifier = notifier;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Takes a statistics snapshot of the campaign.
	 * @param campaignId the campaign
	 * @return the snapshot id (variable {@code snapshotId} of the analysis subprocess)
	 */
	public Long takeSnapshot(Long campaignId) {
		List<Problem> live = liveProblems(campaignId);
		List<CampaignLedger.Entry> entries = this.ledger.entries(campaignId);
		Map<String, Integer> byUnit = new TreeMap<>();
		Map<String, Integer> byCategory = new TreeMap<>();
		for (Problem problem : live) {
			byUnit.merge(this.campaigns.unitName(problem.getUnitCode()), 1, Integer::sum);
			byCategory.merge(this.campaigns.topLevel(this.campaigns.category(problem.getCategoryCode())).getName(), 1,
					Integer::sum);
		}
		Map<String, Integer> byStatus = new TreeMap<>();
		for (Problem problem : this.campaigns.problems(campaignId)) {
			byStatus.merge("问题" + problem.getStatus().label(), 1, Integer::sum);
		}
		entries.forEach((entry) -> byStatus.merge("台账" + entry.status(), 1, Integer::sum));
		int closed = (int) entries.stream().filter(CampaignLedger.Entry::closed).count();
		int carried = (int) entries.stream().filter(CampaignLedger.Entry::carriedOver).count();
		int overdue = (int) entries.stream().filter((e) -> e.overdue() && !e.settled()).count();
		int open = entries.size() - closed - carried;
		double rate = entries.isEmpty() ? 0 : (double) closed / entries.size();
		int confirmed = (int) live.stream().filter((p) -> p.getStatus() == Problem.Status.CONFIRMED).count();
		AnalysisSnapshot snapshot = this.snapshots
			.save(new AnalysisSnapshot(campaignId, now(), live.size(), confirmed, entries.size(), open, overdue, closed,
					carried, rate, write(byUnit), write(byCategory), write(byStatus)));
		this.audit.record("ANALYSIS_SNAPSHOT", CampaignService.ITEM_CAMPAIGN, String.valueOf(campaignId), null,
				"snapshot " + snapshot.getId());
		return snapshot.getId();
	}

	/**
	 * Computes the flags for a snapshot and records those not raised before in this
	 * campaign: the same top-level category in at least {@value #SYSTEMIC_UNITS} units, a
	 * unit with at least {@value #OVERDUE_ENTRIES} overdue entries, a problem reported
	 * again in a unit and category after an entry there was closed.
	 * @param snapshotId the snapshot
	 * @return the ids of the flags raised now
	 */
	public List<Long> raiseFlags(Long snapshotId) {
		AnalysisSnapshot snapshot = this.snapshots.findById(snapshotId).orElseThrow();
		Long campaignId = snapshot.getCampaignId();
		List<Problem> live = liveProblems(campaignId);
		List<AnalysisFlag> raised = new ArrayList<>();

		Map<ProblemCategory, Set<String>> unitsByCategory = new TreeMap<>(
				(a, b) -> Integer.compare(a.getSortOrder(), b.getSortOrder()));
		for (Problem problem : live) {
			unitsByCategory
				.computeIfAbsent(this.campaigns.topLevel(this.campaigns.category(problem.getCategoryCode())),
						(c) -> new TreeSet<>())
				.add(problem.getUnitCode());
		}
		unitsByCategory.forEach((category, units) -> {
			if (units.size() >= SYSTEMIC_UNITS) {
				raise(raised, snapshot, AnalysisFlag.Kind.SYSTEMIC, category.getCode(),
						"「" + category.getName() + "」类问题在 " + units.size() + " 个单位出现：" + unitNames(units));
			}
		});

		List<CampaignLedger.Entry> entries = this.ledger.entries(campaignId);
		Map<String, Integer> overdueByUnit = new TreeMap<>();
		entries.stream()
			.filter((e) -> e.overdue() && !e.settled())
			.forEach((e) -> overdueByUnit.merge(e.unitCode(), 1, Integer::sum));
		overdueByUnit.forEach((unit, count) -> {
			if (count >= OVERDUE_ENTRIES) {
				raise(raised, snapshot, AnalysisFlag.Kind.UNIT_OVERDUE, unit,
						this.campaigns.unitName(unit) + " 有 " + count + " 项整改逾期");
			}
		});

		for (CampaignLedger.Entry entry : entries) {
			if (!entry.closed() || entry.closedAt() == null) {
				continue;
			}
			for (Problem problem : live) {
				if (problem.getUnitCode().equals(entry.unitCode())
						&& problem.getCategoryCode().equals(entry.categoryCode())
						&& problem.getRegisteredAt().isAfter(entry.closedAt())) {
					raise(raised, snapshot, AnalysisFlag.Kind.REAPPEARED, problem.getLabel(),
							this.campaigns.unitName(problem.getUnitCode()) + " 的问题 " + problem.getLabel() + " 在台账 "
									+ entry.code() + " 销号后再次出现：" + problem.getDescription());
				}
			}
		}
		if (!raised.isEmpty()) {
			this.notifier.notifyGroup(Roles.DISCIPLINE_GROUP, "分析研判发现 " + raised.size() + " 项需研究处理的情况，请在任务列表中处理。",
					"/camunda/app/tasklist/");
		}
		return raised.stream().map(AnalysisFlag::getId).toList();
	}

	/**
	 * @param snapshotId the snapshot
	 * @return the ids of the open flags raised with this snapshot (the multi-instance
	 * collection of {@code Task_DecideFlag})
	 */
	@Transactional(readOnly = true)
	public List<Long> openFlags(Long snapshotId) {
		AnalysisSnapshot snapshot = this.snapshots.findById(snapshotId).orElseThrow();
		return this.flags.findByCampaignIdOrderByIdAsc(snapshot.getCampaignId())
			.stream()
			.filter((f) -> f.getSnapshotId().equals(snapshotId) && f.getStatus() == AnalysisFlag.Status.OPEN)
			.map(AnalysisFlag::getId)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<AnalysisSnapshot> snapshots(Long campaignId) {
		return this.snapshots.findByCampaignIdOrderByIdAsc(campaignId);
	}

	@Transactional(readOnly = true)
	public List<AnalysisFlag> flags(Long campaignId) {
		return this.flags.findByCampaignIdOrderByIdAsc(campaignId);
	}

	@Transactional(readOnly = true)
	public String describeSnapshot(Long snapshotId) {
		return this.snapshots.findById(snapshotId).orElseThrow().describe();
	}

	@Transactional(readOnly = true)
	public String describeFlag(Long flagId) {
		AnalysisFlag flag = this.flags.findById(flagId).orElseThrow();
		return "【" + flag.getKind().label() + "】" + flag.getDetail();
	}

	public void reviewSnapshot(Long snapshotId, String note) {
		this.snapshots.findById(snapshotId).orElseThrow().review(note, this.audit.currentActor(), now());
		this.audit.record("ANALYSIS_REVIEWED", "analysis-snapshot", String.valueOf(snapshotId), null, note);
	}

	/**
	 * Records 派驻纪检组's decision on a flag and, if it calls for a recommendation letter,
	 * publishes {@link LetterRequested}.
	 * @param flagId the flag
	 * @param note the decision note
	 * @param letterUnit the unit to write a letter to, {@code null} for no letter
	 */
	public void decideFlag(Long flagId, String note, String letterUnit) {
		AnalysisFlag flag = this.flags.findById(flagId).orElseThrow();
		String flagText = describeFlag(flagId);
		flag.decide(note, this.audit.currentActor(), now());
		this.audit.record("ANALYSIS_FLAG_DECIDED", "analysis-flag", String.valueOf(flagId),
				AnalysisFlag.Status.OPEN.name(), AnalysisFlag.Status.DECIDED.name());
		if (letterUnit != null) {
			this.events.publishEvent(new LetterRequested(flag.getCampaignId(), "analysis-flag/" + flagId, letterUnit,
					flagText + "\n" + note));
		}
	}

	/**
	 * @param snapshotId a snapshot
	 * @return the campaign it was taken of
	 */
	@Transactional(readOnly = true)
	public Long campaignOfSnapshot(Long snapshotId) {
		return this.snapshots.findById(snapshotId).orElseThrow().getCampaignId();
	}

	/**
	 * @param flagId a flag
	 * @return the campaign it was raised in
	 */
	@Transactional(readOnly = true)
	public Long campaignOfFlag(Long flagId) {
		return this.flags.findById(flagId).orElseThrow().getCampaignId();
	}

	private void raise(List<AnalysisFlag> raised, AnalysisSnapshot snapshot, AnalysisFlag.Kind kind, String subject,
			String detail) {
		if (this.flags.existsByCampaignIdAndKindAndSubject(snapshot.getCampaignId(), kind, subject)) {
			return;
		}
		AnalysisFlag flag = this.flags
			.save(new AnalysisFlag(snapshot.getCampaignId(), snapshot.getId(), kind, subject, detail, now()));
		this.audit.record("ANALYSIS_FLAG_RAISED", "analysis-flag", String.valueOf(flag.getId()), null,
				kind + " " + subject);
		raised.add(flag);
	}

	private List<Problem> liveProblems(Long campaignId) {
		return this.problems.findByCampaignIdOrderByNumberAsc(campaignId)
			.stream()
			.filter((p) -> p.getStatus() == Problem.Status.CONFIRMED || p.getStatus() == Problem.Status.REGISTERED)
			.toList();
	}

	private String unitNames(Set<String> units) {
		return String.join("、", units.stream().map(this.campaigns::unitName).toList());
	}

	private String write(Map<String, Integer> map) {
		try {
			return this.json.writeValueAsString(map);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private OffsetDateTime now() {
		return this.clock.now();
	}

}
