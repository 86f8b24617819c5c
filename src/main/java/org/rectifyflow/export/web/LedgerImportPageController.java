package org.rectifyflow.export.web;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.export.internal.ExportAccess;
import org.rectifyflow.export.internal.LedgerImport;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.web.Problems;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page of the ledger import (台账导入) for the campaign office: choose a running
 * campaign, download the template, upload the workbook; the page shows what was imported
 * or every wrong row.
 */
@Controller
@RequestMapping("/ledger-import")
class LedgerImportPageController {

	private final LedgerImport ledgerImport;

	private final CampaignService campaigns;

	private final ExportAccess access;

	LedgerImportPageController(LedgerImport ledgerImport, CampaignService campaigns, ExportAccess access) {
		this.ledgerImport = ledgerImport;
		this.campaigns = campaigns;
		this.access = access;
	}

	@GetMapping
	String page(Principal principal, Model model, HttpServletResponse response) {
		return show(principal, null, model, response);
	}

	@PostMapping
	String upload(Principal principal, @RequestParam(required = false) String campaignId,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		try {
			this.access.checkImporter(principal.getName());
			if (campaignId == null || !campaignId.matches("[1-9][0-9]{0,17}")) {
				throw Refusal.invalid("请选择专项整治", "choose a campaign");
			}
			if (file == null || file.isEmpty()) {
				throw Refusal.invalid("请选择要导入的 Excel 文件", "choose the workbook to import");
			}
			model.addAttribute("result", this.ledgerImport.importLedger(Long.valueOf(campaignId), file.getBytes()));
		}
		catch (Refusal ex) {
			response.setStatus(Problems.status(ex.getKind()).value());
			model.addAttribute("error", ex.getMessageZh());
		}
		return show(principal,
				(campaignId != null && campaignId.matches("[1-9][0-9]{0,17}")) ? Long.valueOf(campaignId) : null, model,
				response);
	}

	private String show(Principal principal, Long chosen, Model model, HttpServletResponse response) {
		List<Campaign> running = List.of();
		try {
			this.access.checkImporter(principal.getName());
			running = this.campaigns.running();
		}
		catch (Refusal ex) {
			response.setStatus(Problems.status(ex.getKind()).value());
			model.addAttribute("error", ex.getMessageZh());
		}
		model.addAttribute("campaigns", running);
		model.addAttribute("chosen", chosen);
		model.addAttribute("note", LedgerImport.TEMPLATE_NOTE);
		return "export/ledger-import";
	}

}
