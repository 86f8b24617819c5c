package org.rectifyflow.export.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectifyflow.campaign.AnalysisFlag;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignAnalysis;
import org.rectifyflow.campaign.CampaignPlan;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.Regulation;
import org.rectifyflow.campaign.StudySession;
import org.rectifyflow.document.OfficialText;
import org.rectifyflow.export.internal.CampaignReportDocument.Generated;
import org.rectifyflow.export.internal.CampaignReportDocument.Paragraph;
import org.rectifyflow.export.internal.ReportWording.Count;
import org.rectifyflow.recommendation.LetterBasis;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.recommendation.RecommendationLetters;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerMeasure;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.taskrules.TaskBurden;

import org.springframework.stereotype.Component;

import static org.rectifyflow.export.internal.ReportWording.counts;
import static org.rectifyflow.export.internal.ReportWording.enumerated;
import static org.rectifyflow.export.internal.ReportWording.numbered;
import static org.rectifyflow.export.internal.ReportWording.trimStop;
import static org.rectifyflow.export.internal.ReportWording.yishi;

/**
 * The content of the campaign work report, from the campaign's data, in the words of the
 * seed reports: the five steps with their dates and figures, the problems by aspect as
 * 「一是…二是…」 in their own words, the ledger's measures grouped the same way, the flags
 * raised and the letters issued, each regulation with the problems it addresses, and the
 * next steps (the summary of the campaign once it ended). A count of zero is left out,
 * never printed as 「0件」.
 */
@Component
class CampaignReportContent {

	private final CampaignService campaigns;

	private final CampaignAnalysis analysis;

	private final LedgerService ledger;

	private final RecommendationLetters recommendations;

	private final LetterBasis basis;

	private final TaskBurden burden;

	CampaignReportContent(CampaignService campaigns, CampaignAnalysis analysis, LedgerService ledger,
			RecommendationLetters recommendations, LetterBasis basis, TaskBurden burden) {
		this.burden = burden;
		this.basis = basis;
		this.campaigns = campaigns;
		this.analysis = analysis;
		this.ledger = ledger;
		this.recommendations = recommendations;
	}

	/**
	 * @param campaign the campaign
	 * @return the opening paragraph: the basis documents and the purpose
	 */
	String opening(Campaign campaign) {
		String basis = String.join("、", this.basis.documents(campaign.getId()));
		return (basis.isEmpty() ? "按照上级关于集中整治形式主义、官僚主义的部署要求" : "按照" + basis + "要求")
				+ "，局党组高度重视，认真查摆工作中存在的形式主义、官僚主义问题，坚持问题导向，逐项制定整改措施，立查立改。现将" + campaign.getTitle() + "工作情况报告如下：";
	}

	/**
	 * @param campaign the campaign
	 * @param units unit names by code
	 * @param zone the zone of the dates
	 * @return the generated content of each section
	 */
	Map<ReportSection, Generated> sections(Campaign campaign, Map<String, String> units, ZoneId zone) {
		Function<OffsetDateTime, String> date = (at) -> OfficialText.date(at.atZoneSameInstant(zone).toLocalDate());
		Function<String, String> unit = (code) -> units.getOrDefault(code, code);
		Optional<CampaignPlan> plan = this.campaigns.findPlan(campaign.getId());
		List<StudySession> sessions = this.campaigns.studySessions(campaign.getId());
		List<Problem> problems = this.campaigns.problems(campaign.getId())
			.stream()
			.filter((p) -> p.getStatus() == Problem.Status.CONFIRMED || p.getStatus() == Problem.Status.REGISTERED)
			.toList();
		Map<Long, Problem> problemsById = problems.stream().collect(Collectors.toMap(Problem::getId, (p) -> p));
		List<LedgerEntry> entries = this.ledger.entries(campaign.getId());
		List<Regulation> regulations = this.campaigns.regulations(campaign.getId())
			.stream()
			.filter((r) -> r.getStatus() == Regulation.Status.PUBLISHED)
			.toList();
		ReportAspects aspects = new ReportAspects(this.campaigns.categories());
		Map<ReportSection, Generated> result = new LinkedHashMap<>();

		// 一、工作开展情况: the five steps
		List<Paragraph> work = new ArrayList<>();
		List<String> mobilise = new ArrayList<>();
		if (!sessions.isEmpty()) {
			mobilise.add("局党组组织专题学习" + sessions.size() + "次（"
					+ sessions.stream()
						.map(StudySession::getHeldOn)
						.sorted()
						.map(OfficialText::date)
						.collect(Collectors.joining("、"))
					+ "），将上级文件、部署要求及时传达到每一位党员干部");
		}
		plan.filter((p) -> p.getPublishedAt() != null)
			.ifPresent((p) -> mobilise.add("结合实际制定整治方案，经局党组审定于" + date.apply(p.getPublishedAt()) + "印发，整治范围覆盖"
					+ p.getScopeUnits().size() + "个单位"));
		if (!mobilise.isEmpty()) {
			work.add(new Paragraph("动员部署。", String.join("；", mobilise) + "。"));
		}
		// every problem found: the problems registered, and the ledger entries that came
		// from a clue or an inspection without a problem of their own
		List<LedgerEntry> direct = entries.stream().filter((e) -> e.getProblemId() == null).toList();
		long inspectedUnits = java.util.stream.Stream
			.concat(problems.stream().map(Problem::getUnitCode), direct.stream().map(LedgerEntry::getUnitCode))
			.distinct()
			.count();
		String sources = counts(Arrays.stream(Problem.Source.values())
			.map((s) -> new Count(sourceName(s),
					problems.stream().filter((p) -> p.getSource() == s).count()
							+ direct.stream().filter((e) -> s.name().equals(e.getSource())).count(),
					"个"))
			.toList());
		if (!problems.isEmpty() || !direct.isEmpty()) {
			work.add(new Paragraph("查找问题。", "通过自查、互查、全面剖析、问题线索和明察暗访等方式，在" + inspectedUnits + "个单位查找问题"
					+ (problems.size() + direct.size()) + "个" + (sources.isEmpty() ? "" : "，其中" + sources) + "。"));
		}
		long closed = entries.stream().filter((e) -> e.getStatus() == LedgerEntry.Status.CLOSED).count();
		long carried = entries.stream().filter((e) -> e.getStatus() == LedgerEntry.Status.CARRIED_OVER).count();
		long open = entries.stream().filter((e) -> !e.isSettled()).count();
		long overdue = entries.stream().filter((e) -> !e.isSettled() && e.isOverdue()).count();
		if (!entries.isEmpty()) {
			work.add(new Paragraph("问题整改。",
					"建立整改台账，逐项明确责任领导、责任人和完成时限，共列入台账" + entries.size() + "项，"
							+ counts(List.of(new Count("已销号", closed, "项"), new Count("经批准结转", carried, "项"),
									new Count("正在整改", open, "项"), new Count("其中超期", overdue, "项")))
							+ "。"));
		}
		List<AnalysisFlag> flags = this.analysis.flags(campaign.getId());
		int snapshots = this.analysis.snapshots(campaign.getId()).size();
		if (snapshots > 0) {
			work.add(new Paragraph("分析研判。", "定期盘点整改进展，开展分析研判" + snapshots + "次"
					+ (flags.isEmpty() ? "" : "，发现需研究处理的情况" + flags.size() + "项") + "。"));
		}
		if (!regulations.isEmpty()) {
			work.add(new Paragraph("建章立制。", "针对集中整治中发现的系统性、普遍性问题，制定印发制度" + regulations.size() + "项。"));
		}
		result.put(ReportSection.WORK, new Generated(numbered(work), List.of()));

		// 二、存在的问题: by aspect, in the problems' own words
		Map<String, List<String>> found = new LinkedHashMap<>();
		aspects
			.order(problems.stream().filter((p) -> p.getStatus() == Problem.Status.CONFIRMED).toList(),
					Problem::getCategoryCode)
			.forEach((aspect, list) -> found.put(aspect, list.stream().map(Problem::getDescription).toList()));
		// problems that reached the ledger from a clue or an inspection have no problem
		// of
		// their own
		aspects.order(entries.stream().filter((e) -> e.getProblemId() == null).toList(), LedgerEntry::getCategoryCode)
			.forEach((aspect, list) -> found.computeIfAbsent(aspect, (k) -> new ArrayList<>())
				.addAll(list.stream().map(LedgerEntry::getDescription).toList()));
		result.put(ReportSection.PROBLEMS, new Generated(enumerated(found), List.of()));

		// 三、整改措施: the ledger's measures, row by row, grouped the same way
		Map<String, List<String>> measures = new LinkedHashMap<>();
		aspects
			.order(entries.stream().filter((e) -> !e.getMeasureRows().isEmpty()).toList(), LedgerEntry::getCategoryCode)
			.forEach((aspect, list) -> measures.put(aspect,
					list.stream()
						.flatMap((e) -> e.getMeasureRows().stream())
						.map(LedgerMeasure::getText)
						.distinct()
						.toList()));
		List<List<String>> statusTable = new ArrayList<>();
		statusTable.add(List.of("单位", "台账事项", "已销号", "已结转", "整改中", "其中超期"));
		entries.stream()
			.collect(Collectors.groupingBy(LedgerEntry::getUnitCode, TreeMap::new, Collectors.toList()))
			.forEach((code,
					list) -> statusTable.add(List.of(unit.apply(code), String.valueOf(list.size()),
							String.valueOf(count(list, LedgerEntry.Status.CLOSED)),
							String.valueOf(count(list, LedgerEntry.Status.CARRIED_OVER)),
							String.valueOf(list.stream().filter((e) -> !e.isSettled()).count()),
							String.valueOf(list.stream().filter((e) -> !e.isSettled() && e.isOverdue()).count()))));
		result.put(ReportSection.MEASURES, new Generated(enumerated(measures), List.of(statusTable)));

		// 四、分析研判: the flags raised and the letters issued
		List<Paragraph> analysed = new ArrayList<>();
		if (!flags.isEmpty()) {
			analysed.add(new Paragraph("定期分析研判。",
					"局党组定期盘点工作，及时发现苗头性、倾向性和潜在性问题：" + yishi(flags.stream()
						.map((f) -> OfficialText.withoutCodes(f.getDetail())
								+ ((f.getDecisionNote() != null && !f.getDecisionNote().isBlank())
										? "，处理意见为" + OfficialText.withoutCodes(f.getDecisionNote()) : ""))
						.toList())));
		}
		List<RecommendationLetter> letters = this.recommendations.issuedForCampaign(campaign.getId());
		if (!letters.isEmpty()) {
			analysed.add(new Paragraph("督促落实主体责任。",
					"派驻纪检组对发生区域性、行业性、系统性问题的单位提出建议，督促相关单位深入开展整治：" + yishi(letters.stream()
						.map((l) -> "向" + unit.apply(l.getUnitCode()) + "发出" + l.getKind().title() + "（"
								+ l.getDocNumber() + "），" + reply(l, date))
						.toList())));
		}
		result.put(ReportSection.ANALYSIS, new Generated(numbered(analysed), List.of()));

		// 五、建章立制: each regulation with the problems it addresses
		List<Paragraph> built = new ArrayList<>();
		int n = 1;
		for (Regulation regulation : regulations) {
			List<String> addressed = regulation.getProblemIds()
				.stream()
				.map(problemsById::get)
				.filter(Objects::nonNull)
				.map((p) -> trimStop(p.getDescription()))
				.toList();
			built.add(new Paragraph("（" + OfficialText.chinese(n++) + "）",
					"制定《" + regulation.getTitle().replaceAll("^《|》$", "") + "》"
							+ ((regulation.getPublishedAt() != null)
									? "，于" + date.apply(regulation.getPublishedAt()) + "印发" : "")
							+ (addressed.isEmpty() ? "。" : "，针对" + String.join("；", addressed) + "等问题，从制度上堵塞漏洞。")));
		}
		result.put(ReportSection.REGULATIONS, new Generated(built, List.of()));

		// 六、基层负担: what the system asked of the units, from the audit trail
		result.put(ReportSection.BURDEN, burden(campaign, unit, zone));

		// 七、下一步工作打算: the summary once the campaign ended, else the open work
		List<Paragraph> next = new ArrayList<>();
		if (campaign.getSummary() != null && !campaign.getSummary().isBlank()) {
			for (String line : campaign.getSummary().split("\\R")) {
				if (!line.isBlank()) {
					next.add(Paragraph.of(OfficialText.withoutCodes(line)));
				}
			}
		}
		else if (open > 0) {
			Optional<LocalDate> last = entries.stream()
				.filter((e) -> !e.isSettled() && e.getDeadline() != null)
				.map((e) -> e.getDeadline().atZoneSameInstant(zone).toLocalDate())
				.max(Comparator.naturalOrder());
			next.add(Paragraph.of("对尚未销号的" + open + "项问题，继续督促责任单位按照整改措施抓好落实"
					+ last.map((d) -> "，确保于" + OfficialText.date(d) + "前全部完成").orElse("")
					+ ((overdue > 0) ? "；对超期未完成的" + overdue + "项，逐项督办，压实责任" : "") + "。"));
		}
		result.put(ReportSection.NEXT_STEPS, new Generated(next, List.of()));
		return result;
	}

	/**
	 * The burden the campaign's own tasks put on the units: tasks handled, forms
	 * submitted and fields filled, in total and per unit.
	 */
	private Generated burden(Campaign campaign, Function<String, String> unit, ZoneId zone) {
		List<TaskBurden.Figures> figures = this.burden.figures(zone, TaskBurden.under(campaign.getCode()), null);
		if (figures.isEmpty()) {
			return new Generated(List.of(), List.of());
		}
		Map<String, long[]> byUnit = new TreeMap<>();
		for (TaskBurden.Figures f : figures) {
			long[] sum = byUnit.computeIfAbsent(f.unitCode(), (k) -> new long[3]);
			sum[0] += f.tasks();
			sum[1] += f.forms();
			sum[2] += f.fields();
		}
		long tasks = byUnit.values().stream().mapToLong((c) -> c[0]).sum();
		long forms = byUnit.values().stream().mapToLong((c) -> c[1]).sum();
		long fields = byUnit.values().stream().mapToLong((c) -> c[2]).sum();
		List<List<String>> table = new ArrayList<>();
		table.add(List.of("单位", "办理任务", "提交表单", "填写字段"));
		byUnit.forEach((code, c) -> table
			.add(List.of(unit.apply(code), String.valueOf(c[0]), String.valueOf(c[1]), String.valueOf(c[2]))));
		String figuresText = counts(
				List.of(new Count("办理任务", tasks, "项"), new Count("提交表单", forms, "份"), new Count("填写字段", fields, "项")));
		return new Generated(
				List.of(Paragraph
					.of("坚持为基层减负，不以填表报数代替整改落实。整治期间，" + byUnit.size() + "个单位在本系统中" + figuresText + "，各单位情况见下表。")),
				List.of(table));
	}

	private static String reply(RecommendationLetter letter, Function<OffsetDateTime, String> date) {
		return switch (letter.getStatus()) {
			case ACCEPTED -> "该单位已书面回复整改情况，经核实予以办结";
			case REPLIED -> "该单位已书面回复整改情况，正在核实";
			default ->
				letter.isOverdue() ? "该单位逾期未回复，已督办" : "要求该单位于" + date.apply(letter.getReplyDeadline()) + "前书面回复整改情况";
		};
	}

	private static String sourceName(Problem.Source source) {
		return switch (source) {
			case SELF_INSPECTION -> "自查发现";
			case CROSS_INSPECTION -> "互查发现";
			case REVIEW -> "全面剖析发现";
			case CLUE -> "来自问题线索";
			case INSPECTION -> "明察暗访发现";
		};
	}

	private static long count(List<LedgerEntry> list, LedgerEntry.Status status) {
		return list.stream().filter((e) -> e.getStatus() == status).count();
	}

}
