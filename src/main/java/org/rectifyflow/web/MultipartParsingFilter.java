package org.rectifyflow.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses multipart requests before anything else reads a parameter. Spring Security's
 * CSRF check reads {@code _csrf} from the form, which makes the container parse the
 * upload inside the filter chain, where a malformed upload (a file name with a NUL byte,
 * a part header beyond the container's limit) would surface as a 500. Here it becomes a
 * 400 or 413 with a message.
 * <p>
 * Camunda's REST API ({@code /engine-rest}: deployments from Camunda Modeler, task
 * attachments) parses its multipart bodies itself, so they are left to it, within the
 * same size limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MultipartParsingFilter extends OncePerRequestFilter {

	private final long maxRequestSize;

	MultipartParsingFilter(MultipartProperties multipart) {
		this.maxRequestSize = multipart.getMaxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")) {
				long length = request.getContentLengthLong();
				if (this.maxRequestSize >= 0 && length > this.maxRequestSize) {
					refuse(response, true);
					return;
				}
				chain.doFilter(request, response);
				return;
			}
			try {
				request.getParts();
			}
			catch (IOException | ServletException | RuntimeException ex) {
				boolean tooLarge = String.valueOf(ex.getMessage()).toLowerCase().contains("size")
						|| ex instanceof IllegalStateException;
				refuse(response, tooLarge);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, boolean tooLarge) throws IOException {
		response
			.setStatus(tooLarge ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write(tooLarge
					? "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
							+ "\"detail\":\"上传的内容超过大小限制。 / Upload exceeds the size limit\"}"
					: "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
							+ "\"detail\":\"上传的内容格式错误（例如文件名无效），无法解析。 / Malformed multipart request\"}");
	}

}
