package org.rectifyflow.attachment.web;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.testsupport.WebSliceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The attachment rules alone (a web slice, the attachments mocked): what the caller may
 * do with the item's attachments as the attachment policies decide it for the caller, the
 * limits in bytes and for people, and an item that does not exist refused with a Chinese
 * and English message before anybody is asked about it.
 */
@WebSliceTest(AttachmentRulesController.class)
class AttachmentRulesControllerTest {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AttachmentService service;

	@Test
	@WithMockUser("u1")
	void shouldAnswerWhatTheCallerMayDoAndTheLimits() throws Exception {
		given(this.service.isValidItem("ledger", "12")).willReturn(true);
		given(this.service.canViewItem("u1", "ledger", "12")).willReturn(true);
		given(this.service.canAttach("u1", "ledger", "12")).willReturn(false);
		given(this.service.maxBytes()).willReturn(20L * 1024 * 1024);
		given(this.service.allowedExtensions()).willReturn(Set.of("pdf", "docx"));

		this.mvc.perform(get("/api/attachments/rules").param("itemType", "ledger").param("itemId", "12"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.canView").value(true))
			.andExpect(jsonPath("$.canAttach").value(false))
			.andExpect(jsonPath("$.maxBytes").value(20 * 1024 * 1024))
			.andExpect(jsonPath("$.maxSize").value("20 MB"))
			.andExpect(jsonPath("$.allowedTypes", containsInAnyOrder("pdf", "docx")));
	}

	@Test
	@WithMockUser("u2")
	void shouldAskThePoliciesForTheCallerNotForSomebodyElse() throws Exception {
		given(this.service.isValidItem("clue", "5")).willReturn(true);
		given(this.service.canViewItem("u2", "clue", "5")).willReturn(false);
		given(this.service.canAttach("u2", "clue", "5")).willReturn(false);
		given(this.service.allowedExtensions()).willReturn(Set.of());

		this.mvc.perform(get("/api/attachments/rules").param("itemType", "clue").param("itemId", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.canView").value(false))
			.andExpect(jsonPath("$.canAttach").value(false));
		verify(this.service).canViewItem("u2", "clue", "5");
		verify(this.service).canAttach("u2", "clue", "5");
	}

	@Test
	@WithMockUser("u1")
	void shouldRefuseAnItemThatDoesNotExistWithAChineseAndEnglishMessage() throws Exception {
		given(this.service.isValidItem("ledger", "x")).willReturn(false);

		this.mvc.perform(get("/api/attachments/rules").param("itemType", "ledger").param("itemId", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("业务类型或业务编号无效")))
			.andExpect(jsonPath("$.detail", containsString("Invalid item type or item id")));
		verify(this.service, never()).canViewItem(anyString(), anyString(), anyString());
		verify(this.service, never()).canAttach(anyString(), anyString(), anyString());
	}

	@Test
	@WithMockUser("u1")
	void shouldRefuseARequestWithoutAnItemWithAChineseAndEnglishMessage() throws Exception {
		this.mvc.perform(get("/api/attachments/rules").param("itemType", "ledger"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("缺少必填参数「itemId」")))
			.andExpect(jsonPath("$.detail", containsString("Missing parameter 'itemId'")));
		verify(this.service, never()).isValidItem(anyString(), anyString());
	}

}
