package org.rectifyflow.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rectifyflow.campaign.internal.CampaignDemoData;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The taxonomy the campaign office keeps: edited through the API with validation and an
 * audit trail, copied into a campaign when it starts, and mapped from clue categories.
 */
@RectifyFlowTest
class CampaignTaxonomyTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CampaignService campaigns;

	@Autowired
	private CampaignPlanning planning;

	@Autowired
	private JdbcTemplate jdbc;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldLetTheOfficeKeepTheTaxonomyWhileARunningCampaignKeepsItsCopy() throws Exception {
		Campaign demo = this.campaigns.all()
			.stream()
			.filter((c) -> CampaignDemoData.TITLE.equals(c.getTitle()))
			.findFirst()
			.orElseThrow();
		String code = "STYLE-T" + ThreadLocalRandom.current().nextInt(1000, 9999);
		Map<String, Object> kind = Map.of("code", code, "name", "重复填报报表" + code, "parentCode", "STYLE");

		send(post("/api/taxonomy/categories"), "u1", kind).andExpect(status().isForbidden());
		send(post("/api/taxonomy/categories"), "office", Map.of("code", "x", "name", "坏代码"))
			.andExpect(status().isBadRequest());
		send(post("/api/taxonomy/categories"), "office",
				Map.of("code", code + "-X", "name", "三级", "parentCode", "STYLE-MEETINGS"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("问题分类只有两级：「以会议落实会议」是问题种类，不能再有下级"));
		send(post("/api/taxonomy/categories"), "office",
				Map.of("code", code + "-Y", "name", "无主", "parentCode", "NOPE"))
			.andExpect(status().isBadRequest());
		send(post("/api/taxonomy/categories"), "office", kind).andExpect(status().isCreated())
			.andExpect(jsonPath("$.parentName").value("文风会风"));
		send(post("/api/taxonomy/categories"), "office", kind).andExpect(status().isConflict());
		send(put("/api/taxonomy/categories/" + code), "office", Map.of("name", "多头重复报送报表" + code))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("多头重复报送报表" + code));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where item_type = 'problem-category' and item_id = ?", Long.class,
				code))
			.isEqualTo(2);

		// the demo campaign started before: it keeps its copy, and refuses the new kind
		this.mvc.perform(get("/api/campaigns/" + demo.getId() + "/taxonomy").with(httpBasic("office", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("STYLE-MEETINGS")))
			.andExpect(jsonPath("$[*].code", not(hasItem(code))));
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> this.campaigns.category(demo.getId(), code)))
			.hasMessageContaining("不在本次整治的问题分类中");
		// a campaign that starts now takes it
		LocalDate start = LocalDate.now().plusDays(30);
		Campaign started = this.planning.register("分类测试" + code, List.of(), List.of("u1"), new PhaseDeadlines(start,
				start.plusDays(7), start.plusDays(14), start.plusDays(60), start.plusDays(90)), "office");
		assertThat(this.campaigns.category(started.getId(), code).getCode()).isEqualTo(code);
		assertThat(this.campaigns.categoryName(started.getId(), code)).isEqualTo("多头重复报送报表" + code);
	}

	@Test
	void shouldMapClueCategoriesOntoTheTaxonomy() throws Exception {
		this.mvc.perform(get("/api/taxonomy/categories").with(httpBasic("u1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'STYLE')].clueCategory", hasItem("MEETINGS_DOCUMENTS")));
		assertThat(this.campaigns.findCategory("MEETINGS_DOCUMENTS")).map(ProblemCategory::getCode).contains("STYLE");
		assertThat(this.campaigns.findCategory("RESPONSIBILITY")).map(ProblemCategory::getCode).contains("DUTY");
		send(put("/api/taxonomy/categories/RESEARCH"), "office", Map.of("clueCategory", "MEETINGS_DOCUMENTS"))
			.andExpect(status().isConflict());
	}

	@Test
	void shouldKeepTheTaxonomyOnItsPage() throws Exception {
		String code = "DUTY-P" + ThreadLocalRandom.current().nextInt(1000, 9999);
		this.mvc.perform(get("/taxonomy").with(user("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("文风会风")));
		this.mvc.perform(get("/taxonomy").with(user("u1"))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/taxonomy/categories").with(user("office"))
				.with(csrf())
				.param("code", code)
				.param("name", "推诿扯皮" + code)
				.param("parentCode", "DUTY"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "已新增「推诿扯皮" + code + "」"));
		this.mvc
			.perform(post("/taxonomy/categories").with(user("office"))
				.with(csrf())
				.param("code", code)
				.param("name", "重复" + code))
			.andExpect(flash().attribute("error", "类别代码「" + code + "」已存在"));
		assertThat(this.campaigns.findCategory(code)).isPresent();
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String user, Object body) throws Exception {
		return this.mvc.perform(request.with(httpBasic(user, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body)));
	}

}
