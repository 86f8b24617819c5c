package org.rectifyflow.export.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignPlan;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.ProblemCategory;
import org.rectifyflow.campaign.ProblemIntake;
import org.rectifyflow.campaign.ProblemIntake.FoundProblem;
import org.rectifyflow.campaign.ProblemIntake.Receipt;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 台账导入: a ledger kept in Excel before the system, in the layout of the exported ledger
 * ({@link LedgerWorkbook}), becomes problems of a running campaign, each confirmed with
 * its ledger entry and rectification process, exactly as a problem handed over from
 * elsewhere ({@link ProblemIntake}).
 * <p>
 * The sheet is found by the header row (序号, 单位, 问题来源, 问题类别, 问题描述, …). The import reads 单位
 * (name or code), 问题来源 (自查, 互查, 全面剖析, 问题线索, 明察暗访; empty for 自查), 问题类别 (name or code) and
 * 问题描述; the other columns (整改措施, 责任人, 完成时限, 整改状态, …) are written by the units in the
 * system, so the entries start at 指定责任人 like any new entry. Rows without 单位, 问题类别 and
 * 问题描述 (the legend, blank rows) are skipped.
 * <p>
 * Every row is checked; if any is wrong, nothing is written and the refusal lists every
 * wrong row and column (「第5行「单位」：…」). Otherwise all rows are registered in one
 * transaction and the import is audited.
 */
@Service
public class LedgerImport {

	public static final String ACTION_IMPORTED = "LEDGER_IMPORTED";

	static final String UNIT = "单位";

	static final String SOURCE = "问题来源";

	static final String CATEGORY = "问题类别";

	static final String DESCRIPTION = "问题描述";

	public static final String TEMPLATE_NOTE = "填写说明：每行一个问题，必填「单位」「问题类别」「问题描述」（单位、类别填名称或代码）；"
			+ "「问题来源」填自查、互查、全面剖析、问题线索或明察暗访，不填为自查；其余各列由各单位导入后在系统中填报，导入时不读取。";

	/** Rows a workbook may hold. */
	static final int MAX_ROWS = 2000;

	/** Problems listed in one refusal; the count says how many more. */
	private static final int MAX_MESSAGES = 30;

	private static final Map<String, Problem.Source> SOURCES = Map.of("自查", Problem.Source.SELF_INSPECTION, "互查",
			Problem.Source.CROSS_INSPECTION, "全面剖析", Problem.Source.REVIEW, "问题线索", Problem.Source.CLUE, "明察暗访",
			Problem.Source.INSPECTION);

	private final CampaignService campaigns;

	private final ProblemIntake intake;

	private final OrganisationService organisation;

	private final AuditService audit;

	LedgerImport(CampaignService campaigns, ProblemIntake intake, OrganisationService organisation,
			AuditService audit) {
		this.campaigns = campaigns;
		this.intake = intake;
		this.organisation = organisation;
		this.audit = audit;
	}

	/** One imported row. */
	record Imported(int row, String unit, String problem, String ledgerEntry) {
	}

	/** What an import registered. */
	public record Result(Long campaignId, String campaignCode, List<Imported> rows) {
	}

	private record Line(int row, String unit, Problem.Source source, String category, String description) {
	}

	/**
	 * @return an empty ledger in the import layout: the title rows and the header row
	 */
	public byte[] template() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(LedgerWorkbook.build("整改工作台账（导入模板）", "",
				LocalDate.now(), List.of(), Map.of(), (id) -> "", Map.of(), ZoneId.systemDefault())));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Row note = workbook.getSheetAt(0).getRow(1);
			note.setHeightInPoints(42);
			note.getCell(0).setCellValue(TEMPLATE_NOTE);
			note.getCell(0).getCellStyle().setWrapText(true);
			// the template has the ledger sheet only
			while (workbook.getNumberOfSheets() > 1) {
				workbook.removeSheetAt(workbook.getNumberOfSheets() - 1);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Imports a ledger into a running campaign, all or nothing.
	 * @param campaignId the campaign
	 * @param xlsx the workbook
	 * @return the registered problems and entries, by row
	 */
	@Transactional
	public Result importLedger(Long campaignId, byte[] xlsx) {
		Campaign campaign = this.campaigns.find(campaignId)
			.orElseThrow(() -> Refusal.notFound("专项整治不存在", "campaign " + campaignId + " does not exist"));
		if (!campaign.isRunning()) {
			throw Refusal.conflict("专项整治「" + campaign.getCode() + "」已结束，不能导入台账",
					"campaign " + campaign.getCode() + " has ended");
		}
		List<String> problems = new ArrayList<>();
		CampaignPlan plan = this.campaigns.plan(campaignId);
		List<Line> lines = read(xlsx, problems).stream().map((line) -> check(line, plan, problems)).toList();
		if (lines.isEmpty() && problems.isEmpty()) {
			throw Refusal.invalid("表格中没有要导入的问题（从标题行下一行起，每行一个问题）", "the workbook lists no problems");
		}
		refuseIf(problems);
		String by = this.audit.currentActor();
		List<Imported> imported = new ArrayList<>();
		for (Line line : lines) {
			Receipt receipt = this.intake.take(new FoundProblem(campaignId, line.unit(), line.category(),
					line.description(), null, null, line.source(), null, true, by));
			if (receipt.isTaken()) {
				imported.add(new Imported(line.row(), line.unit(), receipt.problemLabel(), receipt.ledgerEntryCode()));
			}
			else {
				problems.add("第" + line.row() + "行：" + receipt.refusal().getMessageZh());
			}
		}
		// a refusal here rolls back every row registered before it
		refuseIf(problems);
		String codes = String.join("、", imported.stream().map(Imported::ledgerEntry).filter((c) -> c != null).toList());
		this.audit.record(ACTION_IMPORTED, "campaign", String.valueOf(campaignId), null, "导入台账 " + imported.size()
				+ " 条：" + ((codes.length() > 3800) ? codes.substring(0, 3800) + "……" : codes));
		return new Result(campaignId, campaign.getCode(), imported);
	}

	private List<Line> read(byte[] xlsx, List<String> problems) {
		Workbook workbook;
		try {
			workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx));
		}
		catch (IOException | RuntimeException ex) {
			throw Refusal.invalid("文件不是可读取的 Excel 工作簿（.xlsx）", "not a readable Excel workbook: " + ex.getMessage());
		}
		try (workbook) {
			DataFormatter format = new DataFormatter();
			for (Sheet sheet : workbook) {
				Optional<Map<String, Integer>> columns = headerOf(sheet, format);
				if (columns.isEmpty()) {
					continue;
				}
				for (String required : List.of(UNIT, CATEGORY, DESCRIPTION)) {
					if (!columns.get().containsKey(required)) {
						throw Refusal.invalid("表头缺少「" + required + "」列，请使用导入模板",
								"the header row has no column " + required);
					}
				}
				return lines(sheet, columns.get(), format, problems);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw Refusal.invalid("没有找到台账表头（单位、问题类别、问题描述……），请使用导入模板", "no ledger header row found");
	}

	private static Optional<Map<String, Integer>> headerOf(Sheet sheet, DataFormatter format) {
		for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 9); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			Map<String, Integer> columns = new HashMap<>();
			for (Cell cell : row) {
				String name = format.formatCellValue(cell).replaceAll("\\s", "");
				if (LedgerWorkbook.HEADERS.contains(name)) {
					columns.putIfAbsent(name, cell.getColumnIndex());
				}
			}
			if (columns.containsKey(DESCRIPTION) || columns.size() >= 3) {
				columns.put("", r);
				return Optional.of(columns);
			}
		}
		return Optional.empty();
	}

	private static List<Line> lines(Sheet sheet, Map<String, Integer> columns, DataFormatter format,
			List<String> problems) {
		int header = columns.get("");
		if (sheet.getLastRowNum() - header > MAX_ROWS) {
			throw Refusal.invalid("一次最多导入 " + MAX_ROWS + " 行", "at most " + MAX_ROWS + " rows per import");
		}
		List<Line> lines = new ArrayList<>();
		for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			String unit = text(row, columns.get(UNIT), format);
			String category = text(row, columns.get(CATEGORY), format);
			String description = text(row, columns.get(DESCRIPTION), format);
			if (unit.isEmpty() && category.isEmpty() && description.isEmpty()) {
				continue;
			}
			int number = r + 1;
			String sourceName = text(row, columns.get(SOURCE), format);
			Problem.Source source = sourceName.isEmpty() ? Problem.Source.SELF_INSPECTION : SOURCES.get(sourceName);
			if (source == null) {
				problems.add(at(number, SOURCE, "「" + sourceName + "」不是问题来源，应为自查、互查、全面剖析、问题线索或明察暗访"));
			}
			lines.add(new Line(number, unit, source, category, description));
		}
		return lines;
	}

	/**
	 * Checks a row against the campaign.
	 * @return the row with its unit's code
	 */
	private Line check(Line line, CampaignPlan plan, List<String> problems) {
		String code = null;
		if (line.unit().isEmpty()) {
			problems.add(at(line.row(), UNIT, "必填"));
		}
		else {
			Optional<Unit> unit = unit(line.unit());
			if (unit.isEmpty()) {
				problems.add(at(line.row(), UNIT, "没有名称或代码为「" + line.unit() + "」的单位"));
			}
			else if (!plan.inScope(unit.get().getCode())) {
				problems.add(at(line.row(), UNIT, "「" + unit.get().getName() + "」不在本次整治范围内"));
			}
			else {
				code = unit.get().getCode();
			}
		}
		if (line.category().isEmpty()) {
			problems.add(at(line.row(), CATEGORY, "必填"));
		}
		else {
			Optional<ProblemCategory> category = this.campaigns.findCategory(line.category());
			if (category.isEmpty()) {
				problems.add(at(line.row(), CATEGORY, "没有名称或代码为「" + line.category() + "」的问题类别"));
			}
			else if (!plan.inTaxonomy(category.get(), this.campaigns.topLevel(category.get()))) {
				problems.add(at(line.row(), CATEGORY, "「" + category.get().getName() + "」不在本次整治方案的问题分类中"));
			}
		}
		if (line.description().isEmpty()) {
			problems.add(at(line.row(), DESCRIPTION, "必填"));
		}
		else if (line.description().length() > 2000) {
			problems.add(at(line.row(), DESCRIPTION, "不能超过 2000 字"));
		}
		return new Line(line.row(), code, line.source(), line.category(), line.description());
	}

	private Optional<Unit> unit(String nameOrCode) {
		return this.organisation.activeUnits()
			.stream()
			.filter((u) -> u.getCode().equals(nameOrCode) || u.getName().equals(nameOrCode))
			.findFirst();
	}

	private static String text(Row row, Integer column, DataFormatter format) {
		if (column == null) {
			return "";
		}
		Cell cell = row.getCell(column);
		return (cell != null) ? format.formatCellValue(cell).strip() : "";
	}

	private static String at(int row, String column, String message) {
		return "第" + row + "行「" + column + "」：" + message;
	}

	private static void refuseIf(List<String> problems) {
		if (problems.isEmpty()) {
			return;
		}
		List<String> shown = problems.subList(0, Math.min(problems.size(), MAX_MESSAGES));
		String more = (problems.size() > shown.size()) ? "；另有 " + (problems.size() - shown.size()) + " 处错误" : "";
		throw Refusal.invalid("台账未导入，请改正后重新上传：" + String.join("；", shown) + more,
				"ledger not imported: " + problems.size() + " problem(s) in the rows");
	}

}
