package org.rectifyflow.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps protect {@code /camunda/api} with their own CSRF token (header
 * {@code X-XSRF-TOKEN}, kept in the session), but their filter ends the whole session
 * when the token is missing or wrong, so any forged request logged its victim out. This
 * check makes the same comparison first and only refuses the request (403); the webapps'
 * logout, which Spring Security handles before their filter, needs the token too.
 */
class CamundaCsrfCheck extends OncePerRequestFilter {

	/** Where the webapps keep their token in the session. */
	static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";

	static final String HEADER = "X-XSRF-TOKEN";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SAFE_METHODS.contains(request.getMethod())
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && !matches(session.getAttribute(SESSION_TOKEN), request.getHeader(HEADER))) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setHeader(HEADER, "Required");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"Forbidden\",\"message\":\"安全令牌无效，请刷新页面后重试。 / Missing or invalid CSRF token\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean matches(Object expected, String actual) {
		return expected instanceof String token && actual != null && MessageDigest
			.isEqual(token.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
	}

}
