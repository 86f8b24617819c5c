package org.rectifyflow.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The doors of Camunda's own REST APIs ({@code /engine-rest}, and the webapps'
 * {@code /camunda/api}) read JSON with Camunda's object mapper and answer with Camunda's
 * English messages. This filter, placed after authentication:
 * <ul>
 * <li>refuses with 400 a NUL character in the query or in any JSON string (PostgreSQL
 * cannot store it; other databases would), a variable of type {@code Object} (a
 * serialized Java object: the engine stores no Java objects from outside, and
 * deserializing one ends in a server error), and a query condition whose variable value
 * is a list or an object (the engine cannot compare with it);</li>
 * <li>puts a Chinese message in front of the English {@code message} of every 4xx answer
 * that has none.</li>
 * </ul>
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
class CamundaRestInput extends OncePerRequestFilter {

	static final String NUL_ZH = "提交的内容含有空字符（NUL），无法保存。";

	static final String OBJECT_ZH = "不接受对象（Object）类型的变量，请使用字符串、数字、布尔值、日期或 JSON。";

	static final String QUERY_VALUE_ZH = "查询条件中的变量值必须是单个值（字符串、数字、布尔值或日期），不能是列表或对象。";

	static final String BAD_REQUEST_ZH = "请求的参数或内容无效，无法处理。";

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private final ObjectMapper json = new ObjectMapper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
			refuse(response, NUL_ZH, "Text contains a NUL character");
			return;
		}
		HttpServletRequest checked = request;
		if (isJson(request.getContentType())) {
			byte[] body = request.getInputStream().readAllBytes();
			String refusal = refusal(body);
			if (refusal != null) {
				String[] message = refusal.split(" / ", 2);
				refuse(response, message[0], message[1]);
				return;
			}
			checked = new BufferedBody(request, body);
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(checked, answer);
			translate(answer);
		}
		finally {
			answer.copyBodyToResponse();
		}
	}

	private static boolean isJson(String contentType) {
		return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
	}

	/**
	 * @return the Chinese and English message of the refusal, separated by a slash, or
	 * {@code null} when the body may pass
	 */
	String refusal(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		JsonNode tree;
		try {
			tree = this.json.readTree(body);
		}
		catch (IOException ex) {
			// malformed: Camunda's parser answers it (MalformedJsonMappers)
			return null;
		}
		return (tree != null) ? refusal(tree) : null;
	}

	private static String refusal(JsonNode node) {
		if (node.isTextual()) {
			return (node.textValue().indexOf('\u0000') >= 0) ? NUL_ZH + " / Text contains a NUL character" : null;
		}
		if (node.isObject()) {
			if (isObjectVariable(node)) {
				return OBJECT_ZH + " / Variables of type Object are not accepted";
			}
			if (isQueryCondition(node) && node.get("value").isContainerNode()) {
				return QUERY_VALUE_ZH + " / A variable value in a query condition must be a single value";
			}
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (field.getKey().indexOf('\u0000') >= 0) {
				return NUL_ZH + " / Text contains a NUL character";
			}
			String inner = refusal(field.getValue());
			if (inner != null) {
				return inner;
			}
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				String inner = refusal(element);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

	private static boolean isObjectVariable(JsonNode node) {
		JsonNode type = node.get("type");
		return type != null && type.isTextual() && "object".equalsIgnoreCase(type.textValue())
				&& (node.has("value") || node.has("valueInfo"));
	}

	private static boolean isQueryCondition(JsonNode node) {
		return node.has("name") && node.has("operator") && node.has("value");
	}

	private void translate(ContentCachingResponseWrapper answer) {
		int status = answer.getStatus();
		if (status < 400 || status >= 500 || !isJson(answer.getContentType())) {
			return;
		}
		try {
			JsonNode body = this.json.readTree(answer.getContentAsByteArray());
			if (body instanceof ObjectNode error && error.path("message").isTextual()
					&& !HAN.matcher(error.get("message").textValue()).find()) {
				String zh = (status == 400) ? BAD_REQUEST_ZH : BilingualErrorAttributes.messages(status)[0];
				error.put("message", zh + " / " + error.get("message").textValue());
				answer.resetBuffer();
				answer.getOutputStream().write(this.json.writeValueAsBytes(error));
			}
		}
		catch (IOException ex) {
			// not a JSON object: leave the answer as it is
		}
	}

	private void refuse(HttpServletResponse response, String zh, String en) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		ObjectNode body = this.json.createObjectNode();
		body.put("type", "InvalidRequestException");
		body.put("message", zh + " / " + en);
		body.putNull("code");
		response.getWriter().write(this.json.writeValueAsString(body));
	}

	/** The request with its body read once and served again. */
	static class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					try {
						return in.available() == 0;
					}
					catch (IOException ex) {
						return true;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
