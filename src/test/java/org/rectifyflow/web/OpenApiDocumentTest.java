package org.rectifyflow.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document served at {@code /api/docs}: valid OpenAPI (checked by the Swagger
 * parser), and every operation described as the project's rules ask (see
 * {@link ApiDocumentation}). The document is also written to
 * {@code target/openapi/rectify-flow.json} for client generators and linters.
 */
@RectifyFlowTest
class OpenApiDocumentTest {

	private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");

	@Autowired
	private MockMvc mvc;

	private String json;

	private OpenAPI api;

	@BeforeEach
	void fetchDocument() throws Exception {
		this.json = this.mvc.perform(get("/api/docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Path copy = Path.of("target", "openapi", "rectify-flow.json");
		Files.createDirectories(copy.getParent());
		Files.writeString(copy, this.json, StandardCharsets.UTF_8);
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(this.json, null, options);
		assertThat(result.getMessages()).as("OpenAPI validation messages").isEmpty();
		this.api = result.getOpenAPI();
		assertThat(this.api).isNotNull();
	}

	@Test
	void shouldDescribeTheApiAndHowToAuthenticate() {
		assertThat(this.api.getInfo().getTitle()).isEqualTo("rectify-flow API");
		assertThat(this.api.getInfo().getVersion()).isNotBlank();
		assertThat(this.api.getInfo().getDescription()).contains("HTTP Basic", "problem");

		Map<String, SecurityScheme> schemes = this.api.getComponents().getSecuritySchemes();
		assertThat(schemes.get(ApiDocumentation.BASIC).getType()).isEqualTo(SecurityScheme.Type.HTTP);
		assertThat(schemes.get(ApiDocumentation.BASIC).getScheme()).isEqualTo("basic");
		assertThat(schemes.get(ApiDocumentation.SESSION).getType()).isEqualTo(SecurityScheme.Type.APIKEY);
		assertThat(schemes.get(ApiDocumentation.SESSION).getIn()).isEqualTo(SecurityScheme.In.COOKIE);
		assertThat(this.api.getSecurity()).flatExtracting(Map::keySet)
			.containsExactlyInAnyOrder(ApiDocumentation.BASIC, ApiDocumentation.SESSION);
		assertThat(this.api.getTags()).extracting("name").containsExactlyElementsOf(ApiDocumentation.TAGS.keySet());
	}

	@Test
	void shouldDescribeEveryOperationByTheProjectsRules() {
		Set<String> tags = ApiDocumentation.TAGS.keySet();
		Set<String> ids = new HashSet<>();
		List<String> problems = new ArrayList<>();
		int operations = 0;
		for (Map.Entry<String, PathItem> path : this.api.getPaths().entrySet()) {
			for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
				operations++;
				Operation operation = entry.getValue();
				String name = entry.getKey() + " " + path.getKey();
				boolean open = path.getKey().startsWith("/api/public/");
				if (operation.getOperationId() == null || !operation.getOperationId().matches("[a-z][A-Za-z]+")) {
					problems.add(name + ": operation id " + operation.getOperationId());
				}
				else if (!ids.add(operation.getOperationId())) {
					problems.add(name + ": duplicate operation id " + operation.getOperationId());
				}
				if (operation.getSummary() == null || operation.getSummary().isBlank()) {
					problems.add(name + ": no summary");
				}
				if (operation.getTags() == null || operation.getTags().size() != 1
						|| !tags.contains(operation.getTags().get(0))) {
					problems.add(name + ": tags " + operation.getTags() + " is not one feature tag");
				}
				Map<String, ApiResponse> responses = operation.getResponses();
				if (responses.entrySet()
					.stream()
					.noneMatch((r) -> r.getKey().startsWith("4") && r.getValue().getContent() != null
							&& r.getValue().getContent().containsKey("application/problem+json"))) {
					problems.add(name + ": no 4xx problem+json response");
				}
				responses.forEach((status, response) -> {
					if (response.getContent() != null && response.getContent().containsKey("*/*")) {
						problems.add(name + ": " + status + " answers */*");
					}
				});
				if (open != (operation.getSecurity() != null && operation.getSecurity().isEmpty())) {
					problems.add(name + ": security " + operation.getSecurity());
				}
				if (!open && !(responses.containsKey("401") && responses.containsKey("403"))) {
					problems.add(name + ": no 401/403");
				}
				if (path.getKey().contains("{") && !responses.containsKey("404")) {
					problems.add(name + ": no 404");
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(operations).isGreaterThan(40);
	}

	@Test
	void shouldNameSchemasShortlyAndResolveEveryReference() {
		Set<String> schemas = this.api.getComponents().getSchemas().keySet();
		assertThat(schemas).allMatch((name) -> name.matches("[A-Z][A-Za-z0-9]*"), "a short class-like name")
			.contains(ApiDocumentation.PROBLEM, "LedgerPageView", "InspectionPageView", "RecommendationPageView");
		Matcher refs = REF.matcher(this.json);
		while (refs.find()) {
			assertThat(schemas).contains(refs.group(1));
		}
	}

	@Test
	void shouldDeclareTheMediaTypesOfDownloadsAndJson() {
		assertThat(okTypes("/api/campaigns/{id}/ledger.xlsx")).containsExactly(ApiDocumentation.XLSX);
		assertThat(okTypes("/api/clues.xlsx")).containsExactly(ApiDocumentation.XLSX);
		assertThat(okTypes("/api/campaigns/{id}/report.docx")).containsExactly(ApiDocumentation.DOCX);
		assertThat(okTypes("/api/recommendations/{id}/letter.docx")).containsExactly(ApiDocumentation.DOCX);
		assertThat(okTypes("/api/campaigns/{campaignId}/ledger")).containsExactly("application/json");
	}

	@Test
	void shouldStateEnumsAndDateFormats() {
		Parameter status = this.api.getPaths()
			.get("/api/campaigns/{campaignId}/ledger")
			.getGet()
			.getParameters()
			.stream()
			.filter((p) -> p.getName().equals("status"))
			.findFirst()
			.orElseThrow();
		assertThat(status.getSchema().getEnum()).isNotEmpty();
		Schema<?> entry = this.api.getComponents().getSchemas().get("LedgerEntryView");
		assertThat(entry.getProperties().get("status").getEnum()).isNotEmpty();
		assertThat(entry.getProperties().values()).anyMatch((p) -> "date-time".equals(p.getFormat()));
		assertThat(property("CampaignView", "phase").getEnum()).isNotEmpty();
		assertThat(property("ClueSummary", "status").getEnum()).isNotEmpty();
		assertThat(property("InspectionView", "periodStart").getFormat()).isEqualTo("date");
	}

	private Schema<?> property(String schema, String name) {
		Schema<?> owner = this.api.getComponents().getSchemas().get(schema);
		return owner.getProperties().get(name);
	}

	private Set<String> okTypes(String path) {
		return this.api.getPaths().get(path).getGet().getResponses().get("200").getContent().keySet();
	}

}
