package org.rectifyflow.reliability;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.impl.plugin.resources.BaseRootResource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.junit.jupiter.api.Test;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.internal.IntakeReceipt;
import org.rectifyflow.clue.internal.NewClue;
import org.rectifyflow.testsupport.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine REST API as an insider would use it, on PostgreSQL with the demo data: every
 * GET resource that Camunda's REST API exposes, found by walking its JAX-RS resource
 * classes from {@link DefaultProcessEngineRestServiceImpl} (so a resource a new Camunda
 * version adds is covered without editing this test), is called by every demo role that
 * owns neither a clue nor an unannounced inspection in its field work, with the ids of
 * those items in its path and in its query. No answer may be a server error, and no
 * successful answer may contain an id of the items' process instances, executions, tasks
 * (running or historic), historic variables and details, or the value of a variable the
 * system wrote into the clue. Only GET is called: nothing changes. The test prints the
 * figures that {@code docs/security.md} shows.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "rectify.demo.enabled=true")
class InsiderIT {

	/** Roles that must see neither a clue nor the running 暗访. */
	static final List<String> OUTSIDERS = List.of("party", "office", "supervisor", "u1", "u1lead");

	static final String PROBE_VARIABLE = "insiderProbe";

	private static final Pattern CASE_RESOURCE = Pattern.compile("/case-[a-z-]+(/|$)");

	private static final Pattern TEMPLATE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private ClueIntake clueIntake;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private HistoryService historyService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ProcessEngineConfigurationImpl engineConfiguration;

	/** A GET endpoint: its path template. */
	record Endpoint(String template, List<String> parameters) {
	}

	/** A request that answered more than the role may see, or failed. */
	record Finding(String role, String path, int status, String detail) {
	}

	@Test
	void shouldShowNoRoleAnythingOfItemsOutsideItsView() throws Exception {
		List<Endpoint> endpoints = new ArrayList<>(
				endpoints(DefaultProcessEngineRestServiceImpl.class, "/engine-rest"));
		assertThat(endpoints).as("the engine REST API's GET resources").hasSizeGreaterThan(100);
		List<Endpoint> cockpit = endpoints(BaseRootResource.class, "/camunda/api/cockpit");
		assertThat(cockpit).as("Cockpit's plugin API GET resources").isNotEmpty();
		endpoints.addAll(cockpit);
		if (!this.engineConfiguration.isCmmnEnabled()) {
			// CMMN is off (cmmnEnabled: false): the engine has no case tables to read
			endpoints.removeIf((endpoint) -> CASE_RESOURCE.matcher(endpoint.template()).find());
		}

		Secrets secrets = secrets();
		List<Finding> findings = new ArrayList<>();
		Map<String, Integer> requestsPerRole = new TreeMap<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		Set<String> resourcesTried = new LinkedHashSet<>();
		for (String role : OUTSIDERS) {
			HttpClient session = login(role);
			for (Endpoint endpoint : endpoints) {
				for (String path : paths(endpoint, secrets)) {
					resourcesTried.add(endpoint.template());
					HttpResponse<String> response = path.startsWith("/camunda/") ? get(session, path) : get(path, role);
					requestsPerRole.merge(role, 1, Integer::sum);
					statuses.merge(response.statusCode(), 1, Integer::sum);
					if (response.statusCode() >= 500) {
						findings.add(new Finding(role, path, response.statusCode(), abbreviate(response.body())));
					}
					else if (response.statusCode() < 300) {
						String leaked = secrets.foundIn(response.body());
						if (leaked != null) {
							findings.add(new Finding(role, path, response.statusCode(), "contains " + leaked));
						}
					}
				}
			}
		}
		int requests = requestsPerRole.values().stream().mapToInt(Integer::intValue).sum();
		System.out.printf(
				"Insider suite: %d roles x %d GET resources x %d secret items (%d ids and values), "
						+ "%d requests, statuses %s, leaks and server errors %d%n",
				OUTSIDERS.size(), resourcesTried.size(), secrets.items(), secrets.values().size(), requests, statuses,
				findings.size());
		findings.forEach((finding) -> System.out.println("  " + finding));
		assertThat(findings).as("answers beyond the role's view, or server errors").isEmpty();
	}

	// ---- the secret items

	/** The ids and values an outsider must never get, and the ids to put in requests. */
	record Secrets(Map<String, List<String>> byKind, Set<String> values, int items) {

		String foundIn(String body) {
			for (String value : this.values) {
				if (body.contains(value)) {
					return value;
				}
			}
			return null;
		}

	}

	private Secrets secrets() {
		IntakeReceipt receipt = this.clueIntake.receive(
				new NewClue("PHONE", "u1", "某科长", "RESEARCH", "内部人员测试的线索", null, null, null, null), List.of(),
				"discipline");
		String clueInstance = this.jdbc.queryForObject("select process_instance_id from clue where clue_number = ?",
				String.class, receipt.clueNumber());
		String marker = "insider-" + System.nanoTime();
		this.runtimeService.setVariable(clueInstance, PROBE_VARIABLE, marker);
		String inspectionInstance = this.jdbc.queryForObject(
				"select process_instance_id from inspection where kind = 'UNANNOUNCED' and status = 'FIELD_WORK'",
				String.class);

		Map<String, List<String>> byKind = new LinkedHashMap<>();
		Set<String> values = new LinkedHashSet<>();
		values.add(marker);
		List<String> instances = List.of(clueInstance, inspectionInstance);
		byKind.put("instance", instances);
		for (String instance : instances) {
			values.add(instance);
			this.runtimeService.createExecutionQuery()
				.processInstanceId(instance)
				.list()
				.forEach((execution) -> values.add(execution.getId()));
			List<HistoricTaskInstance> tasks = this.historyService.createHistoricTaskInstanceQuery()
				.processInstanceId(instance)
				.list();
			tasks.forEach((task) -> values.add(task.getId()));
			byKind.computeIfAbsent("task", (k) -> new ArrayList<>()).add(tasks.get(0).getId());
			List<HistoricVariableInstance> variables = this.historyService.createHistoricVariableInstanceQuery()
				.processInstanceId(instance)
				.list();
			variables.forEach((variable) -> values.add(variable.getId()));
			if (!variables.isEmpty()) {
				byKind.computeIfAbsent("variable", (k) -> new ArrayList<>()).add(variables.get(0).getId());
			}
			List<HistoricDetail> details = this.historyService.createHistoricDetailQuery()
				.processInstanceId(instance)
				.list();
			details.forEach((detail) -> values.add(detail.getId()));
			if (!details.isEmpty()) {
				byKind.computeIfAbsent("detail", (k) -> new ArrayList<>()).add(details.get(0).getId());
			}
			this.runtimeService.createVariableInstanceQuery()
				.processInstanceIdIn(instance)
				.list()
				.forEach((variable) -> values.add(variable.getId()));
			this.managementService.createJobQuery().processInstanceId(instance).list().forEach((job) -> {
				values.add(job.getId());
				byKind.computeIfAbsent("job", (k) -> new ArrayList<>()).add(job.getId());
			});
			this.historyService.createHistoricActivityInstanceQuery()
				.processInstanceId(instance)
				.list()
				.forEach((activity) -> values.add(activity.getId()));
		}
		assertThat(this.taskService.createTaskQuery().processInstanceIdIn(clueInstance, inspectionInstance).count())
			.as("the items have running tasks")
			.isPositive();
		return new Secrets(byKind, values, instances.size());
	}

	/** The concrete paths to try for one endpoint: its ids from the items of its kind. */
	private List<String> paths(Endpoint endpoint, Secrets secrets) {
		String template = endpoint.template();
		List<String> paths = new ArrayList<>();
		if (endpoint.parameters().isEmpty()) {
			String instance = secrets.byKind().get("instance").get(0);
			String inspection = secrets.byKind().get("instance").get(1);
			paths.add(template + "?maxResults=50&processInstanceId=" + instance);
			paths.add(template + "?maxResults=50&processInstanceIdIn=" + instance + "," + inspection
					+ "&processInstanceIds=" + instance + "," + inspection + "&taskId="
					+ secrets.byKind().get("task").get(0));
			return paths;
		}
		List<String> ids = idsFor(template, secrets);
		for (String id : ids) {
			Matcher matcher = TEMPLATE.matcher(template);
			StringBuilder path = new StringBuilder();
			while (matcher.find()) {
				String name = matcher.group(1).trim();
				String value = switch (name) {
					case "id", "processInstanceId", "executionId", "taskId" -> id;
					case "key" -> "clue";
					case "engine" -> "default";
					case "varName", "variableName", "name" -> PROBE_VARIABLE;
					default -> "x";
				};
				matcher.appendReplacement(path,
						Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
			}
			matcher.appendTail(path);
			paths.add(path.toString());
		}
		return paths;
	}

	private static List<String> idsFor(String template, Secrets secrets) {
		Map<String, List<String>> kinds = secrets.byKind();
		String before = template.replaceAll("/\\{[^}]*}.*$", "");
		if (before.endsWith("/task") || before.contains("/task/")) {
			return kinds.get("task");
		}
		if (before.endsWith("variable-instance")) {
			return kinds.getOrDefault("variable", List.of());
		}
		if (before.endsWith("/detail")) {
			return kinds.getOrDefault("detail", List.of());
		}
		if (before.endsWith("/job")) {
			return kinds.getOrDefault("job", List.of());
		}
		List<String> ids = new ArrayList<>(kinds.get("instance"));
		ids.add(kinds.get("task").get(0));
		return ids;
	}

	// ---- enumerating the JAX-RS resources

	/**
	 * Every GET endpoint reachable from a root resource class: its {@code @GET} methods,
	 * and those of the sub-resources its locators ({@code @Path} without an HTTP method)
	 * return.
	 */
	static List<Endpoint> endpoints(Class<?> root, String mountedAt) {
		List<Endpoint> endpoints = new ArrayList<>();
		Path rootPath = root.getAnnotation(Path.class);
		collect(root, mountedAt + ((rootPath != null) ? normalise(rootPath.value()) : ""), endpoints, 0);
		return endpoints.stream().distinct().toList();
	}

	private static void collect(Class<?> type, String prefix, List<Endpoint> endpoints, int depth) {
		for (Method method : type.getMethods()) {
			Path path = annotation(method, Path.class);
			String full = prefix + ((path != null) ? normalise(path.value()) : "");
			if (annotation(method, GET.class) != null) {
				endpoints.add(new Endpoint(full, parameters(full)));
			}
			else if (path != null && !hasHttpMethod(method) && depth < 6 && method.getReturnType() != Object.class
					&& !method.getReturnType().isPrimitive()) {
				collect(method.getReturnType(), full, endpoints, depth + 1);
			}
		}
	}

	private static List<String> parameters(String template) {
		List<String> names = new ArrayList<>();
		Matcher matcher = TEMPLATE.matcher(template);
		while (matcher.find()) {
			names.add(matcher.group(1).trim());
		}
		return names;
	}

	private static String normalise(String path) {
		String trimmed = path.strip();
		if (trimmed.isEmpty() || "/".equals(trimmed)) {
			return "";
		}
		trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
		return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
	}

	private static boolean hasHttpMethod(Method method) {
		for (Class<? extends Annotation> http : List.of(GET.class, POST.class, PUT.class, DELETE.class, HEAD.class,
				OPTIONS.class)) {
			if (annotation(method, http) != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An annotation of the method or of the method it implements (JAX-RS inheritance).
	 */
	private static <A extends Annotation> A annotation(Method method, Class<A> type) {
		A found = method.getAnnotation(type);
		if (found != null) {
			return found;
		}
		for (Class<?> declaring = method.getDeclaringClass(); declaring != null; declaring = declaring
			.getSuperclass()) {
			for (Class<?> candidate : withInterfaces(declaring)) {
				try {
					A inherited = candidate.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(type);
					if (inherited != null) {
						return inherited;
					}
				}
				catch (NoSuchMethodException ex) {
					// not declared there
				}
			}
		}
		return null;
	}

	private static List<Class<?>> withInterfaces(Class<?> type) {
		List<Class<?>> types = new ArrayList<>();
		types.add(type);
		for (Class<?> implemented : type.getInterfaces()) {
			types.addAll(withInterfaces(implemented));
		}
		return types;
	}

	// ---- HTTP

	private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json, */*")
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A browser session of the role, as Cockpit has it. */
	private HttpClient login(String role) throws IOException, InterruptedException {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String page = browser
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("login form").isTrue();
		HttpResponse<String> login = browser
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + role + "&password=demo&_csrf="
						+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as("login of " + role).isEqualTo(302);
		return browser;
	}

	private HttpResponse<String> get(HttpClient session, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json, */*")
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		return session.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String abbreviate(String body) {
		return (body.length() > 200) ? body.substring(0, 200) + "…" : body;
	}

}
