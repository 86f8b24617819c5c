package org.rectifyflow.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where the forms' CSRF token is kept: in the session when the visitor has one (a
 * logged-in user), otherwise in a cookie of its own, so that an anonymous visitor of the
 * login or reporting page gets no session.
 * <p>
 * A token is read from the session first and from the cookie otherwise: a form page read
 * without a session keeps its token valid after a session appears (a message shown after
 * a redirect, a login on another page). Clearing the token (at login) clears both, so a
 * login always starts with a fresh token.
 */
class FormCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "FORM-XSRF-TOKEN";

	static final String HEADER = "X-CSRF-TOKEN";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	FormCsrfTokens() {
		this.cookie.setCookieName(COOKIE);
		// The same header as the session's token: a page (or a script) sends the token
		// it was given in one header whichever place keeps it; a multipart body's
		// parameters are not read before the check.
		this.cookie.setHeaderName(HEADER);
		this.cookie.setCookieCustomizer((customizer) -> customizer.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			this.session.saveToken(null, request, response);
			if (hasCookie(request)) {
				this.cookie.saveToken(null, request, response);
			}
		}
		else if (hasSession(request)) {
			this.session.saveToken(token, request, response);
		}
		else {
			this.cookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		CsrfToken token = hasSession(request) ? this.session.loadToken(request) : null;
		return (token != null) ? token : this.cookie.loadToken(request);
	}

	private static boolean hasSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null;
	}

	private boolean hasCookie(HttpServletRequest request) {
		return this.cookie.loadToken(request) != null;
	}

}
