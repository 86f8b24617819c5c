package org.rectifyflow.security.internal;

import org.springframework.security.web.csrf.CsrfToken;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.servlet.FilterChain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;

import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.http.HttpServletResponse;

import org.rectifyflow.identity.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything. Three filter chains:
 * <ul>
 * <li>{@code /engine-rest/**}: Camunda's REST API, HTTP Basic only, stateless, so a
 * browser session can never be used to call it cross-site;</li>
 * <li>{@code /api/**}: the project's API, HTTP Basic or the browser session (with CSRF
 * protection for session requests); {@code /api/public/**} is open;</li>
 * <li>everything else: form login with a session; the Camunda webapps take the logged-in
 * user from that session (container-based authentication), so nobody logs in twice.</li>
 * </ul>
 */
@Configuration
public class SecurityConfig {

	public static final String LOGIN_PAGE = "/login";

	/**
	 * The operator role (metrics, actuator endpoints, engine metrics): the
	 * administrators.
	 */
	static final String OPERATOR = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Roles.ADMIN;

	/**
	 * Content-Security-Policy of the project's pages: scripts and styles from the
	 * application only (inline styles allowed: the pages use a few), no plugins, no
	 * framing, forms posted back to the application.
	 */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * Tasklist, Cockpit and Admin log out through this URL; it ends the whole session.
	 */
	static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

	@Bean
	@Order(1)
	SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
		// Jersey serves /engine-rest outside Spring MVC, so match on the plain path.
		http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**"))
			.authorizeHttpRequests((auth) -> auth.requestMatchers(new AntPathRequestMatcher("/engine-rest/metrics/**"))
				.hasAuthority(OPERATOR)
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(jsonUnauthorized()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(jsonUnauthorized()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
		CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
		csrfHandler.setCsrfRequestAttributeName(null);
		http.securityMatcher(new AntPathRequestMatcher("/api/**"))
			.authorizeHttpRequests((auth) -> auth.requestMatchers("/api/public/**", "/api/docs", "/api/docs/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(jsonUnauthorized()))
			// An API call refused for want of a login is not remembered for after it.
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(csrfHandler)
				// Requests that carry their own credentials are not riding on a browser
				// session.
				.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null)
				.ignoringRequestMatchers("/api/public/**"))
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(jsonUnauthorized()));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webChain(HttpSecurity http) throws Exception {
		RequestMatcher camundaApi = new AntPathRequestMatcher("/camunda/api/**");
		RequestMatcher actuator = new AntPathRequestMatcher("/actuator/**");
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers(LOGIN_PAGE, "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
					"/report", "/report/**", "/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			// Metrics and any other operator endpoint: administrators only.
			.requestMatchers(actuator, new AntPathRequestMatcher("/camunda/api/engine/engine/*/metrics/**"))
			.hasAuthority(OPERATOR)
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/", false).permitAll())
			.httpBasic(Customizer.withDefaults())
			.logout((logout) -> logout
				.logoutRequestMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/logout", HttpMethod.POST.name()),
						new AntPathRequestMatcher(CAMUNDA_LOGOUT, HttpMethod.POST.name())))
				.logoutSuccessHandler(logoutSuccess())
				.invalidateHttpSession(true)
				.deleteCookies("JSESSIONID", "XSRF-TOKEN", FormCsrfTokens.COOKIE))
			// The Camunda webapps protect their API with their own CSRF token
			// (X-XSRF-TOKEN), checked without ending the session by CamundaCsrfCheck.
			// Anonymous visitors keep the forms' token in a cookie, logged-in users in
			// the
			// session; a protected page remembered for after the login is kept in a
			// cookie
			// too: nothing creates a session before the login.
			.csrf((csrf) -> csrf.csrfTokenRepository(new FormCsrfTokens()).ignoringRequestMatchers(camundaApi))
			.requestCache((cache) -> cache.requestCache(new CookieRequestCache()))
			.addFilterBefore(new CamundaCsrfCheck(), LogoutFilter.class)
			.addFilterAfter(new FormTokenBeforeRendering(projectPages()), CsrfFilter.class)
			.headers((headers) -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(projectPages(),
					new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))))
			.exceptionHandling((ex) -> ex.defaultAuthenticationEntryPointFor(jsonUnauthorized(), camundaApi)
				.defaultAuthenticationEntryPointFor(
						new HttpStatusEntryPoint(org.springframework.http.HttpStatus.UNAUTHORIZED), actuator));
		return http.build();
	}

	/**
	 * Reads the form token of a page before the page is rendered, so that its cookie (or
	 * the session attribute) is written while the response can still carry headers.
	 */
	static final class FormTokenBeforeRendering extends OncePerRequestFilter {

		private final RequestMatcher pages;

		FormTokenBeforeRendering(RequestMatcher pages) {
			this.pages = pages;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !HttpMethod.GET.matches(request.getMethod()) || !this.pages.matches(request);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * The project's own pages: the login, the public reporting page, the dashboard, the
	 * upload page, the ledger import and the item pages. The Camunda webapps send their
	 * own policy.
	 */
	private static RequestMatcher projectPages() {
		return new OrRequestMatcher(new AntPathRequestMatcher(LOGIN_PAGE), new AntPathRequestMatcher("/report"),
				new AntPathRequestMatcher("/report/**"), new AntPathRequestMatcher("/dashboard"),
				new AntPathRequestMatcher("/dashboard/**"), new AntPathRequestMatcher("/attachments/**"),
				new AntPathRequestMatcher("/items/**"), new AntPathRequestMatcher("/ledger-import"));
	}

	private static LogoutSuccessHandler logoutSuccess() {
		SimpleUrlLogoutSuccessHandler page = new SimpleUrlLogoutSuccessHandler();
		page.setDefaultTargetUrl(LOGIN_PAGE + "?logout");
		HttpStatusReturningLogoutSuccessHandler camunda = new HttpStatusReturningLogoutSuccessHandler();
		RequestMatcher camundaLogout = new AntPathRequestMatcher(CAMUNDA_LOGOUT);
		return (request, response, authentication) -> {
			if (camundaLogout.matches(request)) {
				camunda.onLogoutSuccess(request, response, authentication);
			}
			else {
				page.onLogoutSuccess(request, response, authentication);
			}
		};
	}

	private static AuthenticationEntryPoint jsonUnauthorized() {
		return (request, response, exception) -> {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
				response.setHeader("WWW-Authenticate", "Basic realm=\"rectify-flow\"");
			}
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"请先登录 / Authentication required\"}");
		};
	}

}
