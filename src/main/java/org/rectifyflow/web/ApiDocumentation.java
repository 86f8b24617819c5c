package org.rectifyflow.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api} (served at {@code /api/docs}): what it says about
 * every operation without each controller repeating it. Controllers name only their
 * feature's tag, an operation id and a summary ({@code @Tag}, {@code @Operation}); this
 * class adds the title, the two ways to authenticate, the problem+json refusals each kind
 * of operation can answer, the media types of the downloads, and short schema names.
 * {@code OpenApiDocumentTest} validates the result and checks these rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BASIC = "basicAuth";

	static final String SESSION = "session";

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private static final String PUBLIC = "/api/public/";

	/** One tag per feature, in the order the document lists them. */
	static final Map<String, String> TAGS = tags();

	private static Map<String, String> tags() {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put("专项整治 Campaigns", "Campaigns (专项整治): plan, phases, problem list, review, problem categories");
		tags.put("整改台账 Rectification ledger", "The rectification ledger of a campaign and progress reports");
		tags.put("问题线索 Clues", "Problem clues for staff: intake, register, hand-over to the ledger, extensions");
		tags.put("公开举报 Public reporting", "Anonymous reporting of a clue and its lookup by receipt code (no login)");
		tags.put("明察暗访 Inspections", "Inspections (明察暗访) and their findings");
		tags.put("建议书 Recommendations", "Recommendation letters (建议书), replies and the letter document");
		tags.put("督办看板 Supervision", "Figures of the supervision dashboard");
		tags.put("导出 Exports", "Excel and Word documents: ledger, clue register, campaign report");
		tags.put("附件 Attachments", "Evidence files of any item");
		tags.put("通知 Notifications", "In-app notifications of the current user");
		tags.put("任务操作 Task operations", "转办, 委派, 退回, 撤回, 抄送, 催办 on Camunda user tasks");
		tags.put("账户 Accounts", "Accounts: releasing the login delays of a user (administrators)");
		tags.put("工作日历 Calendar", "Statutory holidays and make-up working days per year, and the deadlines they move");
		return tags;
	}

	@Bean
	OpenAPI rectifyFlowOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "dev";
		return new OpenAPI().info(new Info().title("rectify-flow API").version(version).description("""
				The application's own API beside Camunda's engine REST API (/engine-rest). \
				Every operation except those under /api/public needs a user: HTTP Basic, or the \
				session cookie of the login page (then state-changing requests carry the \
				X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie). Refusals are RFC 7807 \
				problem details (application/problem+json) with the message in Chinese (messageZh) \
				and English (messageEn); what a user may see follows Camunda's groups and \
				authorizations, as in Tasklist."""))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("User and password of the identity service"))
				.addSecuritySchemes(SESSION,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("JSESSIONID")
							.description("Session of the login page (/login); writes need the X-XSRF-TOKEN header"))
				.addSchemas(PROBLEM, problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList(BASIC))
			.addSecurityItem(new SecurityRequirement().addList(SESSION))
			.tags(TAGS.entrySet()
				.stream()
				.map((tag) -> new Tag().name(tag.getKey()).description(tag.getValue()))
				.toList());
	}

	/**
	 * Completes every operation: no security on public paths, the problem+json refusals,
	 * the media types of the downloads, and schema names without packages.
	 */
	@Bean
	OpenApiCustomizer rectifyFlowOperations() {
		return (openApi) -> {
			if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
				shortenSchemaNames(openApi);
			}
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				boolean open = path.startsWith(PUBLIC);
				if (open) {
					operation.setSecurity(new ArrayList<>());
				}
				downloads(path, operation);
				refusals(path, method, operation, open);
			}));
		};
	}

	private static void downloads(String path, Operation operation) {
		String type = path.endsWith(".xlsx") ? XLSX : path.endsWith(".docx") ? DOCX
				: path.endsWith("/content") ? org.springframework.http.MediaType.APPLICATION_OCTET_STREAM_VALUE : null;
		if (type == null) {
			return;
		}
		ApiResponse ok = operation.getResponses().get("200");
		if (ok != null) {
			ok.setContent(new Content().addMediaType(type,
					new MediaType().schema(new StringSchema().format("binary").description("the file"))));
		}
	}

	private static void refusals(String path, PathItem.HttpMethod method, Operation operation, boolean open) {
		ApiResponses responses = operation.getResponses();
		boolean input = (operation.getParameters() != null && !operation.getParameters().isEmpty())
				|| operation.getRequestBody() != null;
		boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
		if (input) {
			refusal(responses, "400", "The request is invalid (参数无效)");
		}
		if (!open) {
			refusal(responses, "401", "No user: log in or send HTTP Basic credentials (未登录)");
			refusal(responses, "403", "The user may not do this (无权操作)");
		}
		if (path.contains("{")) {
			refusal(responses, "404", "No such item, or not visible to the user (不存在)");
		}
		if (write && !open) {
			refusal(responses, "409", "The item's state does not allow this, or a concurrent change won (状态冲突)");
		}
		if (open) {
			refusal(responses, "429", "Too many requests from this client (请求过于频繁)");
		}
	}

	private static void refusal(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType(PROBLEM_JSON,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
		}
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 7807 problem detail with the message in Chinese and English")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema().example("Bad Request"))
			.addProperty("status", new IntegerSchema().format("int32").example(400))
			.addProperty("detail", new StringSchema().example("「整改进展」为必填项 / text is required"))
			.addProperty("instance", new StringSchema().format("uri"))
			.addProperty("messageZh", new StringSchema().example("「整改进展」为必填项"))
			.addProperty("messageEn", new StringSchema().example("text is required"))
			.required(List.of("title", "status", "detail", "messageZh", "messageEn"));
	}

	/**
	 * springdoc names schemas by fully qualified class name ({@code springdoc.use-fqn}),
	 * so that the many {@code PageView} records of different controllers stay apart. This
	 * turns {@code org.rectifyflow.rectification.web.LedgerController.PageView} into
	 * {@code LedgerPageView}: the simple name, prefixed for a nested type with its
	 * enclosing type's name without a {@code Controller}, {@code Views} or
	 * {@code Service} suffix. A name two types would share keeps its qualified form (and
	 * the document test fails).
	 */
	private static void shortenSchemaNames(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		Map<String, List<String>> byShortName = new TreeMap<>();
		schemas.keySet()
			.forEach((name) -> byShortName.computeIfAbsent(shortName(name), (k) -> new ArrayList<>()).add(name));
		Map<String, String> renamed = new HashMap<>();
		byShortName.forEach((shortName, names) -> {
			if (names.size() == 1 && !shortName.equals(names.get(0))) {
				renamed.put(names.get(0), shortName);
			}
		});
		if (renamed.isEmpty()) {
			return;
		}
		Map<String, Schema> result = new LinkedHashMap<>();
		schemas.forEach((name, schema) -> result.put(renamed.getOrDefault(name, name), schema));
		openApi.getComponents().setSchemas(result);
		Map<String, String> refs = new HashMap<>();
		renamed.forEach((from, to) -> refs.put("#/components/schemas/" + from, "#/components/schemas/" + to));
		result.values().forEach((schema) -> rewrite(schema, refs));
		if (openApi.getPaths() != null) {
			openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
				if (operation.getParameters() != null) {
					operation.getParameters().stream().map(Parameter::getSchema).forEach((s) -> rewrite(s, refs));
				}
				if (operation.getRequestBody() != null) {
					rewrite(operation.getRequestBody().getContent(), refs);
				}
				if (operation.getResponses() != null) {
					operation.getResponses().values().forEach((response) -> rewrite(response.getContent(), refs));
				}
			}));
		}
	}

	static String shortName(String name) {
		String[] parts = name.replace('$', '.').split("\\.");
		int first = 0;
		while (first < parts.length - 1 && !Character.isUpperCase(parts[first].charAt(0))) {
			first++;
		}
		StringBuilder shortName = new StringBuilder();
		String simple = parts[parts.length - 1];
		for (int i = first; i < parts.length - 1; i++) {
			String prefix = prefix(parts[i]);
			if (!simple.startsWith(prefix)) {
				shortName.append(prefix);
			}
		}
		return shortName.append(simple).toString();
	}

	private static String prefix(String outer) {
		for (String suffix : List.of("Controller", "Views", "Service")) {
			if (outer.endsWith(suffix) && outer.length() > suffix.length()) {
				return outer.substring(0, outer.length() - suffix.length());
			}
		}
		return outer;
	}

	private static void rewrite(Content content, Map<String, String> refs) {
		if (content != null) {
			content.values().forEach((media) -> rewrite(media.getSchema(), refs));
		}
	}

	@SuppressWarnings("rawtypes")
	private static void rewrite(Schema schema, Map<String, String> refs) {
		if (schema == null) {
			return;
		}
		if (schema.get$ref() != null && refs.containsKey(schema.get$ref())) {
			schema.set$ref(refs.get(schema.get$ref()));
		}
		if (schema.getProperties() != null) {
			((Map<String, Schema>) schema.getProperties()).values().forEach((s) -> rewrite(s, refs));
		}
		rewrite(schema.getItems(), refs);
		if (schema.getAdditionalProperties() instanceof Schema additional) {
			rewrite(additional, refs);
		}
		for (List<Schema> list : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()),
				nonNull(schema.getOneOf()))) {
			list.forEach((s) -> rewrite(s, refs));
		}
		rewrite(schema.getNot(), refs);
	}

	@SuppressWarnings("rawtypes")
	private static List<Schema> nonNull(Collection<Schema> schemas) {
		return (schemas != null) ? List.copyOf(schemas) : List.of();
	}

}
