package org.rectifyflow.reliability;

import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every endpoint the application registers, generated from Spring
 * MVC's handler mappings (so a new controller is covered the day it is added), plus the
 * engine's REST API: malformed and deep JSON, wrong types, missing and oversized values,
 * 10 MB bodies, path traversal in file names, SQL and script fragments. Every case must
 * be answered without a server error; cases that cannot be valid must get a 4xx with a
 * message; and a rejected request leaves no row behind in any table.
 * <p>
 * Runs in the same application context as {@code SecurityTest} (real HTTP on a random
 * port, demo organisation, in-memory H2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

	static final String TEN_MB = "x".repeat(10 * 1024 * 1024);

	static final String OVERSIZED = "长".repeat(100_000);

	static final List<String> INJECTIONS = List.of("' or '1'='1' --", "1; drop table audit_event; --",
			"<script>alert(1)</script>", "${7*7}", "#{7*7}", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
			"%00", "\u0000nul", "𠜎😀\u202e");

	static final List<String> NUMBER_ATTACKS = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "1e400", "NaN",
			"' or 1=1 --", "../1");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * One generated request and what it may be answered with.
	 */
	record Case(String name, String method, String path, String contentType, byte[] body, boolean mustBeRejected) {

	}

	@Test
	void shouldAnswerEveryHostileRequestWithoutServerErrorAndStoreNothingFromRejectedOnes() throws Exception {
		List<Case> cases = new ArrayList<>();
		Set<String> covered = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.rectifyflow")) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				for (String method : methods(info)) {
					covered.add(method + " " + pattern);
					cases.addAll(casesFor(method, pattern, handler));
				}
			}
		});
		cases.addAll(engineRestCases());
		assertThat(covered).as("endpoints discovered").contains("GET /api/notifications", "POST /api/attachments");

		List<String> failures = new ArrayList<>();
		Map<String, Integer> statuses = new LinkedHashMap<>();
		for (Case hostile : cases) {
			Map<String, Long> before = rowCounts();
			HttpResponse<String> response = send(hostile);
			int status = response.statusCode();
			statuses.merge(status + "", 1, Integer::sum);
			String label = hostile.name() + " " + hostile.method() + " "
					+ hostile.path().substring(0, Math.min(120, hostile.path().length())) + " -> " + status;
			if (status >= 500) {
				failures.add(label + " (server error) " + abbreviate(response.body()));
				continue;
			}
			boolean rejected = status >= 400;
			if (hostile.mustBeRejected() && !rejected) {
				failures.add(label + " (accepted, must be refused)");
			}
			if (rejected) {
				if (response.body() == null || response.body().isBlank()) {
					failures.add(label + " (refused without a message)");
				}
				Map<String, Long> after = rowCounts();
				if (!after.equals(before)) {
					failures.add(label + " (refused, but rows changed: " + difference(before, after) + ")");
				}
			}
		}
		assertThat(this.jdbc.queryForObject("select count(*) from attachment where file_name like '%/%'"
				+ " or file_name like '%\\%' or file_name like '%..%'", Long.class))
			.as("no stored file name keeps a path")
			.isZero();
		System.out.println("[hostile] " + cases.size() + " cases over " + covered.size() + " endpoints " + covered
				+ " + /engine-rest; statuses " + statuses);
		assertThat(failures).as("hostile cases answered wrongly").isEmpty();
	}

	private List<Case> casesFor(String method, String pattern, HandlerMethod handler) {
		List<Case> cases = new ArrayList<>();
		Map<String, String> pathValues = new LinkedHashMap<>();
		Map<String, String> params = new LinkedHashMap<>();
		List<Parameter> numericPath = new ArrayList<>();
		boolean hasBody = false;
		boolean multipart = false;
		for (Parameter parameter : handler.getMethod().getParameters()) {
			PathVariable path = AnnotatedElementUtils.findMergedAnnotation(parameter, PathVariable.class);
			RequestParam param = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
			if (path != null) {
				String name = name(path.name(), parameter);
				pathValues.put(name, sample(parameter.getType()));
				if (isNumeric(parameter.getType())) {
					numericPath.add(parameter);
				}
			}
			else if (param != null && MultipartFile.class.isAssignableFrom(parameter.getType())) {
				multipart = true;
			}
			else if (param != null) {
				params.put(name(param.name(), parameter), sample(parameter.getType()));
			}
			else if (parameter.isAnnotationPresent(RequestBody.class)) {
				hasBody = true;
			}
		}
		// Path variables: traversal, injections, wrong types
		for (String variable : pathValues.keySet()) {
			boolean numeric = numericPath.stream()
				.anyMatch((p) -> name(p.getAnnotation(PathVariable.class).name(), p).equals(variable));
			for (String attack : numeric ? NUMBER_ATTACKS : INJECTIONS) {
				Map<String, String> values = new LinkedHashMap<>(pathValues);
				values.put(variable, attack);
				cases.add(new Case("path " + variable + "=" + attack, method, expand(pattern, values) + query(params),
						null, null, numeric && !attack.equals("0") && !attack.equals("-1")));
			}
		}
		String base = expand(pattern, pathValues);
		// Request parameters: missing, wrong type, oversized, injections
		for (Map.Entry<String, String> param : params.entrySet()) {
			Map<String, String> without = new LinkedHashMap<>(params);
			without.remove(param.getKey());
			cases.add(new Case("missing " + param.getKey(), method, base + query(without), null, null, false));
			List<String> attacks = new ArrayList<>(INJECTIONS);
			attacks.add(OVERSIZED);
			if (isNumericSample(param.getValue())) {
				attacks.addAll(NUMBER_ATTACKS);
			}
			for (String attack : attacks) {
				Map<String, String> values = new LinkedHashMap<>(params);
				values.put(param.getKey(), attack);
				boolean wrongType = isNumericSample(param.getValue()) && NUMBER_ATTACKS.contains(attack)
						&& !attack.equals("0") && !attack.equals("-1");
				cases.add(new Case("param " + param.getKey() + "=" + abbreviate(attack), method, base + query(values),
						null, null, wrongType));
			}
		}
		if (!method.equals("GET")) {
			String target = base + query(params);
			// Bodies: malformed, wrong shape, deep, 10 MB, wrong content type
			cases.add(new Case("malformed JSON", method, target, "application/json", bytes("{\"a\": [1, 2"), hasBody));
			cases.add(new Case("JSON of the wrong type", method, target, "application/json", bytes("[\"x\", 1, null]"),
					hasBody));
			cases.add(new Case("wrong field types", method, target, "application/json", bytes(
					"{\"id\":{\"x\":[]},\"name\":[1],\"date\":\"not a date\",\"count\":\"many\",\"status\":\"NO_SUCH_VALUE\"}"),
					hasBody));
			cases.add(new Case("deep JSON", method, target, "application/json",
					bytes("[".repeat(20_000) + "]".repeat(20_000)), hasBody));
			cases.add(new Case("10 MB JSON", method, target, "application/json", bytes("{\"text\":\"" + TEN_MB + "\"}"),
					hasBody));
			cases.add(new Case("XML body", method, target, "application/xml",
					bytes("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>"),
					hasBody));
			if (multipart) {
				for (String fileName : List.of("../../../etc/passwd.txt", "..\\..\\evil.txt", "/etc/cron.d/x.txt",
						"a\u0000.txt", "<script>.txt", "evil.exe", "x".repeat(1000) + ".txt")) {
					// A path in the name is cut to its last segment (old browsers send
					// full
					// paths); a NUL, an executable type or an overlong name is refused
					boolean refused = fileName.contains("\u0000") || fileName.endsWith(".exe")
							|| fileName.length() > 255;
					cases.add(multipartCase("file name " + abbreviate(fileName), method, target, params, fileName,
							bytes("证据"), refused));
				}
				cases.add(multipartCase("10 MB executable", method, target, params, "scan.pdf", bytes("MZ" + TEN_MB),
						true));
				cases.add(new Case("multipart without file", method, target, "multipart/form-data; boundary=nothing",
						bytes("--nothing--\r\n"), true));
			}
		}
		return cases;
	}

	/**
	 * Hostile requests to Camunda's REST API, which Tasklist and Cockpit call.
	 */
	private List<Case> engineRestCases() {
		List<Case> cases = new ArrayList<>();
		for (String query : List.of("maxResults=2147483647", "maxResults=99999999999", "maxResults=-1",
				"firstResult=abc", "sortBy=" + enc("name; drop table act_ru_task") + "&sortOrder=asc",
				"candidateGroup=" + enc("' or 1=1 --"), "nameLike=" + enc(OVERSIZED),
				"dueBefore=" + enc("not a date"))) {
			boolean invalid = query.startsWith("firstResult") || query.startsWith("maxResults=9")
					|| query.startsWith("sortBy") || query.startsWith("dueBefore");
			cases.add(new Case("engine-rest " + abbreviate(query), "GET", "/engine-rest/task?" + query, null, null,
					invalid));
		}
		cases.add(new Case("engine-rest malformed JSON", "POST", "/engine-rest/task", "application/json",
				bytes("{\"candidateGroup\": "), true));
		cases.add(new Case("engine-rest deep JSON", "POST", "/engine-rest/task", "application/json",
				bytes("{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}"), true));
		cases.add(new Case("engine-rest 10 MB JSON", "POST", "/engine-rest/task", "application/json",
				bytes("{\"nameLike\":\"" + TEN_MB + "\"}"), false));
		cases.add(new Case("engine-rest expression in query", "POST", "/engine-rest/task", "application/json",
				bytes("{\"candidateGroupExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}"), true));
		cases.add(new Case("engine-rest complete a task that does not exist", "POST",
				"/engine-rest/task/" + enc("../../no-such-task") + "/complete", "application/json", bytes("{}"), true));
		cases.add(new Case("engine-rest claim a task that does not exist", "POST",
				"/engine-rest/task/no-such-task/claim", "application/json", bytes("{\"userId\":\"admin\"}"), true));
		cases.add(new Case("engine-rest start with wrong variable type", "POST",
				"/engine-rest/process-definition/key/deadline-template/start", "application/json",
				bytes("{\"variables\":{\"deadlineAt\":{\"value\":\"yesterday\",\"type\":\"Date\"}}}"), true));
		return cases;
	}

	private Case multipartCase(String name, String method, String target, Map<String, String> params, String fileName,
			byte[] content, boolean mustBeRejected) {
		String boundary = "----hostile" + System.nanoTime();
		StringBuilder head = new StringBuilder();
		params.forEach((key, value) -> head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(key)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(fileName.replace("\"", "%22"))
			.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		byte[] start = bytes(head.toString());
		byte[] end = bytes("\r\n--" + boundary + "--\r\n");
		byte[] body = new byte[start.length + content.length + end.length];
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(content, 0, body, start.length, content.length);
		System.arraycopy(end, 0, body, start.length + content.length, end.length);
		// the target's query string is dropped: the parameters travel in the form
		return new Case(name, method, target.contains("?") ? target.substring(0, target.indexOf('?')) : target,
				"multipart/form-data; boundary=" + boundary, body, mustBeRejected);
	}

	private HttpResponse<String> send(Case hostile) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + hostile.path()))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", ClusterNode.basic("admin", "demo"))
			.header("Accept", "application/json");
		if (hostile.contentType() != null) {
			request.header("Content-Type", hostile.contentType());
		}
		request.method(hostile.method(), (hostile.body() != null)
				? HttpRequest.BodyPublishers.ofByteArray(hostile.body()) : HttpRequest.BodyPublishers.noBody());
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			// The server closed the connection on an oversized request: a refusal, not an
			// error
			return new ClosedResponse(ex.toString());
		}
	}

	/**
	 * Rows of every table of the application and the engine's runtime and history tables
	 * that a request could write.
	 */
	private Map<String, Long> rowCounts() {
		List<String> tables = this.jdbc
			.queryForList(
					"select table_name from information_schema.tables where table_schema = current_schema()"
							+ " and table_type in ('BASE TABLE', 'TABLE')"
							+ " and (lower(table_name) not like 'act_%' or lower(table_name) like 'act_ru_%'"
							+ " or lower(table_name) like 'act_hi_%' or lower(table_name) like 'act_id_%'"
							+ " or lower(table_name) like 'act_re_%' or lower(table_name) like 'act_ge_%')",
					String.class);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : tables) {
			if (table.equalsIgnoreCase("flyway_schema_history") || table.equalsIgnoreCase("act_ru_meter_log")
					|| table.equalsIgnoreCase("act_ge_property")) {
				continue;
			}
			counts.put(table.toLowerCase(), this.jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

	private static String difference(Map<String, Long> before, Map<String, Long> after) {
		return after.entrySet()
			.stream()
			.filter((e) -> !e.getValue().equals(before.get(e.getKey())))
			.map((e) -> e.getKey() + " " + before.get(e.getKey()) + "->" + e.getValue())
			.collect(Collectors.joining(", "));
	}

	private static Set<String> methods(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		if (methods.isEmpty()) {
			return Set.of("GET", "POST");
		}
		return methods.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
	}

	private static String name(String annotated, Parameter parameter) {
		return annotated.isEmpty() ? parameter.getName() : annotated;
	}

	private static String sample(Class<?> type) {
		if (isNumeric(type)) {
			return "1";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true";
		}
		return "test-item";
	}

	private static boolean isNumeric(Class<?> type) {
		return type == long.class || type == Long.class || type == int.class || type == Integer.class;
	}

	private static boolean isNumericSample(String sample) {
		return sample.equals("1");
	}

	private static String expand(String pattern, Map<String, String> values) {
		String path = pattern;
		for (Map.Entry<String, String> value : values.entrySet()) {
			path = path.replace("{" + value.getKey() + "}", enc(value.getValue()));
		}
		return path;
	}

	private static String query(Map<String, String> params) {
		if (params.isEmpty()) {
			return "";
		}
		return "?" + params.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > 60) ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
	}

	/**
	 * Stands for a connection the server closed instead of answering: 413-like.
	 */
	private record ClosedResponse(String reason) implements HttpResponse<String> {

		@Override
		public int statusCode() {
			return 413;
		}

		@Override
		public HttpRequest request() {
			return null;
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.net.http.HttpHeaders headers() {
			return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
		}

		@Override
		public String body() {
			return "connection closed by the server: " + this.reason;
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return java.util.Optional.empty();
		}

		@Override
		public URI uri() {
			return null;
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}

	}

}
