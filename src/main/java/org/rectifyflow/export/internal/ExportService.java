package org.rectifyflow.export.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignPlanning;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.kernel.Refusal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the exports (ledger and clue register as Excel, the campaign work report as
 * Word) and keeps the versions of the report's narrative.
 */
@Service
public class ExportService {

	static final String ACTION_NARRATIVE_SAVED = "CAMPAIGN_REPORT_NARRATIVE_SAVED";

	static final int MAX_SECTION_LENGTH = 20000;

	/** The longest summary the summary task takes ({@code rf:maxLength:summary}). */
	static final int MAX_SUMMARY_LENGTH = 10000;

	/** Who froze the final version of a campaign that ended. */
	static final String SYSTEM_USER = "system";

	private final CampaignService campaigns;

	private final LedgerService ledger;

	private final ClueRegister clues;

	private final OrganisationService organisation;

	private final CampaignReportVersionRepository versions;

	private final WorkingDayCalendar calendar;

	private final AuditService audit;

	private final CampaignReportContent content;

	private final CampaignPlanning planning;

	/** The name of the organisation in the titles of the ledger and the clue register. */
	private final String organisationName;

	private final ObjectMapper json = new ObjectMapper();

	ExportService(CampaignService campaigns, LedgerService ledger, ClueRegister clues, OrganisationService organisation,
			CampaignReportVersionRepository versions, WorkingDayCalendar calendar, AuditService audit,
			CampaignReportContent content, CampaignPlanning planning,
			@Value("${rectify.export.organisation-name:}") String organisationName) {
		this.content = content;
		this.planning = planning;
		this.organisationName = organisationName.strip();
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.clues = clues;
		this.organisation = organisation;
		this.versions = versions;
		this.calendar = calendar;
		this.audit = audit;
	}

	// ---------------------------------------------------------------- ledger and clues

	@Transactional(readOnly = true)
	public byte[] ledgerWorkbook(Long campaignId) {
		Campaign campaign = campaign(campaignId);
		List<LedgerEntry> entries = this.ledger.entries(campaign.getId());
		Map<String, String> names = new HashMap<>();
		return LedgerWorkbook.build(ledgerTitle(), campaign.getTitle(), today(), entries, unitNames(),
				(id) -> (id == null) ? "" : names.computeIfAbsent(id, this.organisation::personLabel),
				this.ledger.latestProgress(campaign.getId()), zone());
	}

	@Transactional(readOnly = true)
	public byte[] clueWorkbook(String userId, String status, String route, String channel, String unit, Boolean overdue,
			Boolean open) {
		return ClueWorkbook.build(this.organisationName + "问题线索登记表", today(),
				this.clues.search(userId, status, route, channel, unit, overdue, open), unitNames(), zone());
	}

	// ---------------------------------------------------------------- report

	/** A stored narrative version as the API shows it. */
	public record VersionView(int version, boolean finalVersion, boolean revision, String createdBy,
			OffsetDateTime createdAt, Map<String, String> sections) {
	}

	/**
	 * The work report: a frozen version as it was frozen, otherwise rendered from today's
	 * data with the narrative of the given (or the latest) version. A campaign that ended
	 * gets its final version first.
	 */
	@Transactional
	public byte[] report(Long campaignId, Integer version) {
		Campaign campaign = campaign(campaignId);
		finaliseIfEnded(campaign);
		Optional<CampaignReportVersion> chosen = (version != null)
				? Optional.of(this.versions.findByCampaignIdAndVersion(campaign.getId(), version)
					.orElseThrow(() -> Refusal.notFound("报告版本不存在：" + version, "no report version " + version)))
				: this.versions.findFirstByCampaignIdOrderByVersionDesc(campaign.getId());
		if (chosen.isPresent() && chosen.get().isFrozen()) {
			return chosen.get().getDocument();
		}
		return render(campaign, chosen.map(this::sections).orElse(Map.of()), false, today());
	}

	@Transactional
	public List<VersionView> versions(Long campaignId) {
		Campaign campaign = campaign(campaignId);
		finaliseIfEnded(campaign);
		return this.versions.findByCampaignIdOrderByVersionAsc(campaign.getId()).stream().map(this::view).toList();
	}

	/**
	 * Stores a new narrative version: the given sections over the latest version's. Never
	 * changes a stored version. With {@code finalVersion} the report is finalised: the
	 * version keeps its rendered document. After the final version (and after the
	 * campaign ended, which finalises it) every edit is a revision, frozen as well.
	 */
	@Transactional
	public VersionView saveNarrative(Long campaignId, Map<String, String> sections, boolean finalVersion,
			String userId) {
		Campaign campaign = campaign(campaignId);
		if (sections == null || sections.isEmpty()) {
			throw Refusal.invalid("请至少填写一个部分的内容", "sections must not be empty");
		}
		finaliseIfEnded(campaign);
		Map<String, String> merged = new LinkedHashMap<>();
		Optional<CampaignReportVersion> latest = this.versions
			.findFirstByCampaignIdOrderByVersionDesc(campaign.getId());
		latest.ifPresent((v) -> merged.putAll(sections(v)));
		for (Map.Entry<String, String> section : sections.entrySet()) {
			if (ReportSection.byKey(section.getKey()).isEmpty()) {
				throw Refusal.invalid("报告没有这一部分：" + section.getKey(),
						"unknown section " + section.getKey() + "; sections are " + ReportSection.keys());
			}
			String text = (section.getValue() != null) ? section.getValue().strip() : "";
			if (text.codePointCount(0, text.length()) > MAX_SECTION_LENGTH) {
				throw Refusal.invalid("每部分不能超过" + MAX_SECTION_LENGTH + "个字",
						"a section is longer than " + MAX_SECTION_LENGTH + " characters");
			}
			merged.put(section.getKey(), text);
		}
		// 下一步工作打算 is the campaign's summary (工作总结): one text, also edited in the
		// summary task's form
		String summary = sections.containsKey(ReportSection.NEXT_STEPS.key())
				? merged.get(ReportSection.NEXT_STEPS.key()) : null;
		if (summary != null) {
			if (summary.codePointCount(0, summary.length()) > MAX_SUMMARY_LENGTH) {
				throw Refusal.invalid("「下一步工作打算」即工作总结，不能超过" + MAX_SUMMARY_LENGTH + "个字",
						"nextSteps is the campaign summary and may not be longer than " + MAX_SUMMARY_LENGTH
								+ " characters");
			}
			this.planning.reviseSummary(campaign.getId(), summary, userId);
		}
		boolean revision = latest.isPresent() && latest.get().isFrozen();
		int next = latest.map(CampaignReportVersion::getVersion).orElse(0) + 1;
		CampaignReportVersion saved = this.versions
			.saveAndFlush((revision || finalVersion) ? frozen(campaign, next, merged, revision, userId)
					: new CampaignReportVersion(campaign.getId(), next, json(merged), false, userId, now()));
		this.audit.record(ACTION_NARRATIVE_SAVED, "campaign", String.valueOf(campaign.getId()),
				latest.map((v) -> "version " + v.getVersion()).orElse(null),
				"version " + next + (revision ? " (revision)" : (finalVersion ? " (final)" : "")));
		return view(saved);
	}

	/**
	 * Freezes the final version of the report of a campaign that ended, once: the latest
	 * narrative with the data as they are at the end.
	 */
	private void finaliseIfEnded(Campaign campaign) {
		if (campaign.getStatus() != Campaign.Status.COMPLETED) {
			return;
		}
		List<CampaignReportVersion> all = this.versions.findByCampaignIdOrderByVersionAsc(campaign.getId());
		if (all.stream().anyMatch(CampaignReportVersion::isFrozen)) {
			return;
		}
		Map<String, String> narrative = all.isEmpty() ? Map.of() : sections(all.get(all.size() - 1));
		int next = all.isEmpty() ? 1 : all.get(all.size() - 1).getVersion() + 1;
		this.versions.saveAndFlush(frozen(campaign, next, narrative, false, SYSTEM_USER));
		this.audit.record(ACTION_NARRATIVE_SAVED, "campaign", String.valueOf(campaign.getId()), null,
				"version " + next + " (final, campaign ended)");
	}

	private CampaignReportVersion frozen(Campaign campaign, int version, Map<String, String> narrative,
			boolean revision, String userId) {
		OffsetDateTime at = now();
		return CampaignReportVersion.frozen(campaign.getId(), version, json(narrative), revision, userId, at,
				render(campaign, narrative, revision, at.toLocalDate()));
	}

	private byte[] render(Campaign campaign, Map<String, String> stored, boolean revision, LocalDate date) {
		// 下一步工作打算 is printed from the campaign's summary, the one copy of that text
		Map<String, String> narrative = new LinkedHashMap<>(stored);
		narrative.remove(ReportSection.NEXT_STEPS.key());
		return CampaignReportDocument.build("关于" + campaign.getTitle() + "工作情况的报告", revision,
				this.content.opening(campaign), this.content.sections(campaign, unitNames(), zone()), narrative, date);
	}

	private String json(Map<String, String> narrative) {
		try {
			return this.json.writeValueAsString(narrative);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private VersionView view(CampaignReportVersion v) {
		return new VersionView(v.getVersion(), v.isFinalVersion(), v.isRevision(), v.getCreatedBy(), v.getCreatedAt(),
				sections(v));
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

	/**
	 * @return 「××局整治形式主义官僚主义问题整改台账」
	 */
	String ledgerTitle() {
		return this.organisationName + "整治形式主义官僚主义问题整改台账";
	}

	private Campaign campaign(Long id) {
		return this.campaigns.find(id).orElseThrow(() -> Refusal.notFound("整治活动不存在", "no campaign " + id));
	}

	private Map<String, String> unitNames() {
		return this.organisation.activeUnits().stream().collect(Collectors.toMap(Unit::getCode, Unit::getName));
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
