package org.rectifyflow.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignPlan;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.PhaseDeadlines;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.ProblemCategory;
import org.rectifyflow.campaign.Regulation;
import org.rectifyflow.campaign.StudySession;
import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.clue.Route;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the exports (ledger and clue register as Excel, the campaign work report as
 * Word) and keeps the versions of the report's narrative.
 */
@Service
class ExportService {

	static final String ACTION_NARRATIVE_SAVED = "CAMPAIGN_REPORT_NARRATIVE_SAVED";

	static final int MAX_SECTION_LENGTH = 20000;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final CampaignService campaigns;

	private final LedgerService ledger;

	private final ClueRegister clues;

	private final OrganisationService organisation;

	private final CampaignReportVersionRepository versions;

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	private final WorkingDayCalendar calendar;

	private final AuditService audit;

	private final ObjectMapper json = new ObjectMapper();

	ExportService(CampaignService campaigns, LedgerService ledger, ClueRegister clues, OrganisationService organisation,
			CampaignReportVersionRepository versions, IdentityService identityService, SystemAuthority systemAuthority,
			WorkingDayCalendar calendar, AuditService audit) {
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.clues = clues;
		this.organisation = organisation;
		this.versions = versions;
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
		this.calendar = calendar;
		this.audit = audit;
	}

	// ---------------------------------------------------------------- ledger and clues

	@Transactional(readOnly = true)
	byte[] ledgerWorkbook(Long campaignId) {
		Campaign campaign = campaign(campaignId);
		List<LedgerEntry> entries = this.ledger.entries(campaign.getId());
		Map<String, String> names = new HashMap<>();
		return LedgerWorkbook.build(entries, unitNames(),
				(id) -> (id == null) ? "" : names.computeIfAbsent(id, this::displayName),
				this.ledger.latestProgress(campaign.getId()), zone());
	}

	@Transactional(readOnly = true)
	byte[] clueWorkbook(String userId, String status, String route, String channel, String unit, Boolean overdue,
			Boolean open) {
		return ClueWorkbook.build(this.clues.search(userId, status, route, channel, unit, overdue, open), unitNames(),
				zone());
	}

	// ---------------------------------------------------------------- report

	/** A stored narrative version as the API shows it. */
	record VersionView(int version, boolean finalVersion, String createdBy, OffsetDateTime createdAt,
			Map<String, String> sections) {
	}

	@Transactional(readOnly = true)
	byte[] report(Long campaignId, Integer version) {
		Campaign campaign = campaign(campaignId);
		Map<String, String> narrative = (version != null)
				? sections(this.versions.findByCampaignIdAndVersion(campaign.getId(), version)
					.orElseThrow(() -> Refusal.notFound("报告版本不存在：" + version, "no report version " + version)))
				: this.versions.findFirstByCampaignIdOrderByVersionDesc(campaign.getId())
					.map(this::sections)
					.orElse(Map.of());
		String subtitle = campaign.getCode() + "　" + ((version != null) ? "第" + version + "版" : "生成于") + "　"
				+ today().format(DATE);
		return CampaignReportDocument.build(campaign.getTitle() + "工作情况报告", subtitle, generate(campaign), narrative);
	}

	@Transactional(readOnly = true)
	List<VersionView> versions(Long campaignId) {
		Campaign campaign = campaign(campaignId);
		return this.versions.findByCampaignIdOrderByVersionAsc(campaign.getId()).stream().map(this::view).toList();
	}

	/**
	 * Stores a new narrative version: the given sections over the latest version's. Never
	 * changes a stored version; refused after the final version.
	 */
	@Transactional
	VersionView saveNarrative(Long campaignId, Map<String, String> sections, boolean finalVersion, String userId) {
		Campaign campaign = campaign(campaignId);
		if (sections == null || sections.isEmpty()) {
			throw Refusal.invalid("请至少填写一个部分的内容", "sections must not be empty");
		}
		Map<String, String> merged = new LinkedHashMap<>();
		Optional<CampaignReportVersion> latest = this.versions
			.findFirstByCampaignIdOrderByVersionDesc(campaign.getId());
		if (latest.isPresent() && latest.get().isFinalVersion()) {
			throw Refusal.conflict("工作报告已定稿（第" + latest.get().getVersion() + "版），不能再修改",
					"the report is final (version " + latest.get().getVersion() + ")");
		}
		latest.ifPresent((v) -> merged.putAll(sections(v)));
		for (Map.Entry<String, String> section : sections.entrySet()) {
			if (ReportSection.byKey(section.getKey()).isEmpty()) {
				throw Refusal.invalid("报告没有这一部分：" + section.getKey(), "unknown section " + section.getKey()
						+ "; sections are work, problems, measures, methods, results, nextSteps");
			}
			String text = (section.getValue() != null) ? section.getValue().strip() : "";
			if (text.codePointCount(0, text.length()) > MAX_SECTION_LENGTH) {
				throw Refusal.invalid("每部分不能超过" + MAX_SECTION_LENGTH + "个字",
						"a section is longer than " + MAX_SECTION_LENGTH + " characters");
			}
			merged.put(section.getKey(), text);
		}
		int next = latest.map(CampaignReportVersion::getVersion).orElse(0) + 1;
		String text;
		try {
			text = this.json.writeValueAsString(merged);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		CampaignReportVersion saved = this.versions
			.saveAndFlush(new CampaignReportVersion(campaign.getId(), next, text, finalVersion, userId, now()));
		this.audit.record(ACTION_NARRATIVE_SAVED, "campaign", String.valueOf(campaign.getId()),
				latest.map((v) -> "version " + v.getVersion()).orElse(null),
				"version " + next + (finalVersion ? " (final)" : ""));
		return view(saved);
	}

	private VersionView view(CampaignReportVersion v) {
		return new VersionView(v.getVersion(), v.isFinalVersion(), v.getCreatedBy(), v.getCreatedAt(), sections(v));
	}

	private Map<String, String> sections(CampaignReportVersion version) {
		try {
			return this.json.readValue(version.getNarrative(), new TypeReference<LinkedHashMap<String, String>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Damaged report version " + version.getId(), ex);
		}
	}

	private Map<ReportSection, CampaignReportDocument.Generated> generate(Campaign campaign) {
		Map<ReportSection, CampaignReportDocument.Generated> result = new LinkedHashMap<>();
		Map<String, String> units = unitNames();
		Optional<CampaignPlan> plan = this.campaigns.findPlan(campaign.getId());
		PhaseDeadlines d = plan.map(CampaignPlan::getDeadlines)
			.orElse(new PhaseDeadlines(null, null, null, null, null));
		List<StudySession> sessions = this.campaigns.studySessions(campaign.getId());
		List<Problem> problems = this.campaigns.problems(campaign.getId())
			.stream()
			.filter((p) -> p.getStatus() != Problem.Status.REJECTED && p.getStatus() != Problem.Status.MERGED)
			.toList();
		List<LedgerEntry> entries = this.ledger.entries(campaign.getId());
		List<Regulation> published = this.campaigns.regulations(campaign.getId())
			.stream()
			.filter((r) -> r.getStatus() == Regulation.Status.PUBLISHED)
			.toList();

		// 一、工作开展情况 / 实施步骤
		List<String> work = new ArrayList<>();
		work.add("本次专项整治（" + campaign.getCode() + "）于" + date(campaign.getStartedAt())
				+ "启动，按照动员部署、查找问题、问题整改、分析研判、建章立制五个步骤组织实施，目前处于" + campaign.getPhase().label() + "阶段。");
		work.add("（一）动员部署。"
				+ (sessions.isEmpty() ? "" : "组织集中学习" + sessions.size() + "次（"
						+ sessions.stream().map((s) -> date(s.getHeldOn())).collect(Collectors.joining("、")) + "）；")
				+ plan
					.map((p) -> "制定整治方案，整治范围" + p.getScopeUnits().size() + "个单位"
							+ ((p.getPublishedAt() != null) ? "，于" + date(p.getPublishedAt()) + "印发" : "") + "。")
					.orElse("整治方案待制定。"));
		work.add("（二）查找问题。各单位采取自查（" + date(d.selfInspection()) + "前）、互查（" + date(d.crossInspection()) + "前）、全面剖析（"
				+ date(d.review()) + "前）的方式查找问题。");
		work.add("（三）问题整改。建立工作台账，明确责任领导、责任人和完成时限，整改期限至" + date(d.rectification()) + "。");
		work.add("（四）分析研判。与问题整改同步开展，定期盘点整改进展，对系统性、普遍性问题提出预警。");
		work.add("（五）建章立制。针对发现的系统性问题建立制度，期限至" + date(d.regulation()) + "。");
		result.put(ReportSection.WORK, new CampaignReportDocument.Generated(work, List.of()));

		// 二、查找的问题
		Map<String, String> categories = this.campaigns.categories()
			.stream()
			.collect(Collectors.toMap(ProblemCategory::getCode, ProblemCategory::getName, (a, b) -> a));
		// Every ledger entry is a problem found (confirmed, or from a clue or an
		// inspection);
		// problems still waiting for the review are counted as well.
		List<String[]> found = new ArrayList<>();
		entries.forEach((e) -> found.add(new String[] { e.getUnitCode(), e.getCategoryName() }));
		problems.stream()
			.filter((p) -> p.getLedgerEntryCode() == null)
			.forEach((p) -> found.add(new String[] { p.getUnitCode(),
					categories.getOrDefault(p.getCategoryCode(), p.getCategoryCode()) }));
		Map<String, Long> byCategory = found.stream()
			.collect(Collectors.groupingBy((f) -> f[1], TreeMap::new, Collectors.counting()));
		Map<String, Long> byUnit = found.stream()
			.collect(Collectors.groupingBy((f) -> f[0], TreeMap::new, Collectors.counting()));
		List<List<String>> categoryTable = new ArrayList<>();
		categoryTable.add(List.of("问题类别", "问题数"));
		byCategory.forEach((k, v) -> categoryTable.add(List.of(k, String.valueOf(v))));
		List<List<String>> unitTable = new ArrayList<>();
		unitTable.add(List.of("单位", "问题数"));
		byUnit.forEach((k, v) -> unitTable.add(List.of(units.getOrDefault(k, k), String.valueOf(v))));
		result.put(ReportSection.PROBLEMS,
				new CampaignReportDocument.Generated(
						List.of("通过自查、互查、全面剖析、问题线索和明察暗访等方式，共查找问题" + found.size() + "个，涉及" + byUnit.size() + "个单位、"
								+ byCategory.size() + "个问题类别，其中已列入整改台账" + entries.size() + "个。"),
						List.of(categoryTable, unitTable)));

		// 三、整改措施
		long closed = entries.stream().filter((e) -> e.getStatus() == LedgerEntry.Status.CLOSED).count();
		long carried = entries.stream().filter((e) -> e.getStatus() == LedgerEntry.Status.CARRIED_OVER).count();
		long overdue = entries.stream().filter((e) -> !e.isSettled() && e.isOverdue()).count();
		List<List<String>> statusTable = new ArrayList<>();
		statusTable.add(List.of("单位", "台账事项", "已销号", "已结转", "整改中", "超期未完成"));
		entries.stream()
			.collect(Collectors.groupingBy(LedgerEntry::getUnitCode, TreeMap::new, Collectors.toList()))
			.forEach((unit,
					list) -> statusTable.add(List.of(units.getOrDefault(unit, unit), String.valueOf(list.size()),
							String.valueOf(count(list, LedgerEntry.Status.CLOSED)),
							String.valueOf(count(list, LedgerEntry.Status.CARRIED_OVER)),
							String.valueOf(list.stream().filter((e) -> !e.isSettled()).count()),
							String.valueOf(list.stream().filter((e) -> !e.isSettled() && e.isOverdue()).count()))));
		result.put(ReportSection.MEASURES,
				new CampaignReportDocument.Generated(
						List.of("对查找的问题逐项建立整改台账，共" + entries.size() + "项，已销号" + closed + "项，结转" + carried + "项，正在整改"
								+ (entries.size() - closed - carried) + "项，其中超期未完成" + overdue + "项。"),
						List.of(statusTable)));

		// 四、方法措施
		OffsetDateTime from = campaign.getStartedAt();
		OffsetDateTime to = (campaign.getEndedAt() != null) ? campaign.getEndedAt() : now();
		List<Clue> period = this.clues.all()
			.stream()
			.filter((c) -> !c.getReceivedAt().isBefore(from) && !c.getReceivedAt().isAfter(to))
			.toList();
		List<List<String>> channelTable = new ArrayList<>();
		channelTable.add(List.of("举报渠道", "线索数"));
		for (Channel channel : Channel.values()) {
			long n = period.stream().filter((c) -> c.getChannel() == channel).count();
			if (n > 0) {
				channelTable.add(List.of(channel.label(), String.valueOf(n)));
			}
		}
		long green = period.stream().filter((c) -> c.getRoute() == Route.GREEN).count();
		long standard = period.stream().filter((c) -> c.getRoute() == Route.STANDARD).count();
		long cluesClosed = period.stream().filter((c) -> !c.getStatus().isOpen()).count();
		long inspections = period.stream().filter((c) -> c.getChannel() == Channel.INSPECTION).count();
		result.put(ReportSection.METHODS,
				new CampaignReportDocument.Generated(
						List.of("（一）畅通反映问题渠道。整治期间通过网站、电话、信箱、手机APP、微信公众号、信访等渠道共受理问题线索" + period.size() + "件，已办结"
								+ cluesClosed + "件。", "（二）加大明察暗访力度。明察暗访发现问题线索" + inspections + "件。",
								"（三）落实快查快结要求。进入快查快结“绿色通道”的线索" + green + "件，限期办结的线索" + standard + "件。"),
						List.of(channelTable)));

		// 五、取得成效
		List<String> results = new ArrayList<>();
		results.add("整改台账总体销号率" + percent(closed, entries.size()) + "。");
		List<List<String>> rateTable = new ArrayList<>();
		rateTable.add(List.of("单位", "台账事项", "已销号", "销号率"));
		entries.stream()
			.collect(Collectors.groupingBy(LedgerEntry::getUnitCode, TreeMap::new, Collectors.toList()))
			.forEach((unit,
					list) -> rateTable.add(List.of(units.getOrDefault(unit, unit), String.valueOf(list.size()),
							String.valueOf(count(list, LedgerEntry.Status.CLOSED)),
							percent(count(list, LedgerEntry.Status.CLOSED), list.size()))));
		results.add("建章立制，印发制度" + published.size() + "项" + (published.isEmpty() ? "。" : "："
				+ published.stream().map((r) -> "《" + r.getTitle() + "》").collect(Collectors.joining("、")) + "。"));
		result.put(ReportSection.RESULTS, new CampaignReportDocument.Generated(results, List.of(rateTable)));
		result.put(ReportSection.NEXT_STEPS, new CampaignReportDocument.Generated(List.of(), List.of()));
		return result;
	}

	private static long count(List<LedgerEntry> list, LedgerEntry.Status status) {
		return list.stream().filter((e) -> e.getStatus() == status).count();
	}

	private static String percent(long part, long whole) {
		return (whole == 0) ? "—" : String.format("%.1f%%", 100.0 * part / whole);
	}

	private String date(OffsetDateTime at) {
		return (at != null) ? at.atZoneSameInstant(zone()).format(DATE) : "—";
	}

	private static String date(LocalDate day) {
		return (day != null) ? day.format(DATE) : "—";
	}

	private Campaign campaign(Long id) {
		return this.campaigns.find(id).orElseThrow(() -> Refusal.notFound("整治活动不存在", "no campaign " + id));
	}

	private Map<String, String> unitNames() {
		return this.organisation.activeUnits().stream().collect(Collectors.toMap(Unit::getCode, Unit::getName));
	}

	private String displayName(String userId) {
		User user = this.systemAuthority
			.call(() -> this.identityService.createUserQuery().userId(userId).singleResult());
		if (user == null) {
			return userId;
		}
		String name = ((user.getFirstName() != null) ? user.getFirstName() : "")
				+ ((user.getLastName() != null) ? user.getLastName() : "");
		return name.isBlank() ? userId : name;
	}

	private ZoneId zone() {
		return this.calendar.zone();
	}

	private LocalDate today() {
		return now().toLocalDate();
	}

	private OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(zone()).toOffsetDateTime();
	}

}
