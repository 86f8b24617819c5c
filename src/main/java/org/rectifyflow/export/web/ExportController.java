package org.rectifyflow.export.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.ClueStatus;
import org.rectifyflow.clue.Route;
import org.rectifyflow.export.internal.ExportAccess;
import org.rectifyflow.export.internal.ExportService;
import org.rectifyflow.export.internal.LedgerImport;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads: the ledger and the clue register as Excel, the campaign work report as Word;
 * and the report's narrative versions.
 */
@Tag(name = "导出 Exports")
@RestController
public class ExportController {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final ExportService exports;

	private final ExportAccess access;

	private final LedgerImport ledgerImport;

	ExportController(ExportService exports, ExportAccess access, LedgerImport ledgerImport) {
		this.exports = exports;
		this.access = access;
		this.ledgerImport = ledgerImport;
	}

	@Operation(operationId = "exportLedger", summary = "A campaign's rectification ledger as an Excel workbook")
	@GetMapping("/api/campaigns/{id}/ledger.xlsx")
	ResponseEntity<byte[]> ledger(@PathVariable Long id, Principal principal) {
		this.access.checkReader(principal.getName());
		return file(this.exports.ledgerWorkbook(id), XLSX, "整改工作台账-" + id + ".xlsx");
	}

	@Operation(operationId = "downloadLedgerImportTemplate",
			summary = "An empty ledger in the layout the ledger import reads (台账导入模板)")
	@GetMapping("/api/campaigns/{id}/ledger-import-template.xlsx")
	ResponseEntity<byte[]> ledgerImportTemplate(@PathVariable Long id, Principal principal) {
		this.access.checkImporter(principal.getName());
		return file(this.ledgerImport.template(), XLSX, "整改工作台账导入模板.xlsx");
	}

	@Operation(operationId = "importLedger", summary = "Import a ledger kept in Excel into a running campaign: "
			+ "every row becomes a confirmed problem with its ledger entry and rectification process, all or nothing")
	@PostMapping(path = "/api/campaigns/{id}/ledger/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	LedgerImport.Result importLedger(@PathVariable Long id, @RequestPart("file") MultipartFile file,
			Principal principal) throws IOException {
		this.access.checkImporter(principal.getName());
		return this.ledgerImport.importLedger(id, file.getBytes());
	}

	@Operation(operationId = "exportClueRegister", summary = "The clue register as an Excel workbook")
	@GetMapping("/api/clues.xlsx")
	ResponseEntity<byte[]> clues(
			@Parameter(schema = @Schema(implementation = ClueStatus.class)) @RequestParam(
					required = false) String status,
			@Parameter(schema = @Schema(implementation = Route.class)) @RequestParam(required = false) String route,
			@Parameter(schema = @Schema(implementation = Channel.class)) @RequestParam(required = false) String channel,
			@RequestParam(required = false) String unit, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean open, Principal principal) {
		return file(this.exports.clueWorkbook(principal.getName(), status, route, channel, unit, overdue, open), XLSX,
				"问题线索.xlsx");
	}

	@Operation(operationId = "exportCampaignReport", summary = "A campaign's report as a Word document")
	@GetMapping("/api/campaigns/{id}/report.docx")
	ResponseEntity<byte[]> report(@PathVariable Long id, @RequestParam(required = false) Integer version,
			Principal principal) {
		this.access.checkReader(principal.getName());
		return file(this.exports.report(id, version), DOCX,
				"整治工作情况报告-" + id + ((version != null) ? "-v" + version : "") + ".docx");
	}

	@Operation(operationId = "listCampaignReportVersions", summary = "Versions of a campaign's report")
	@GetMapping("/api/campaigns/{id}/report/versions")
	List<ExportService.VersionView> versions(@PathVariable Long id, Principal principal) {
		this.access.checkReader(principal.getName());
		return this.exports.versions(id);
	}

	@Operation(operationId = "saveCampaignReportNarrative",
			summary = "Save the narrative of a campaign's report as a new version")
	@PutMapping("/api/campaigns/{id}/report/narrative")
	ExportService.VersionView narrative(@PathVariable Long id, @RequestBody NarrativeBody body, Principal principal) {
		this.access.checkEditor(principal.getName());
		return this.exports.saveNarrative(id, (body != null) ? body.sections() : null,
				body != null && Boolean.TRUE.equals(body.finalVersion()), principal.getName());
	}

	/**
	 * @param sections narrative per section key (work, problems, measures, analysis,
	 * regulations, nextSteps)
	 * @param finalVersion whether this is the final version (frozen; edits after it are
	 * revisions)
	 */
	record NarrativeBody(Map<String, String> sections, Boolean finalVersion) {
	}

	private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}
