package org.rectifyflow.security;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
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
class SecurityConfig {

	static final String LOGIN_PAGE = "/login";

	/**
	 * Tasklist, Cockpit and Admin log out through this URL; it ends the whole session.
	 */
	static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

	@Bean
	@Order(1)
	SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
		// Jersey serves /engine-rest outside Spring MVC, so match on the plain path.
		http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**"))
			.authorizeHttpRequests((auth) -> auth.anyRequest().authenticated())
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
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/", false).permitAll())
			.httpBasic(Customizer.withDefaults())
			.logout((logout) -> logout
				.logoutRequestMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/logout", HttpMethod.POST.name()),
						new AntPathRequestMatcher(CAMUNDA_LOGOUT, HttpMethod.POST.name())))
				.logoutSuccessHandler(logoutSuccess())
				.invalidateHttpSession(true)
				.deleteCookies("JSESSIONID", "XSRF-TOKEN"))
			// The Camunda webapps protect their API with their own CSRF filter
			// (X-XSRF-TOKEN).
			.csrf((csrf) -> csrf.ignoringRequestMatchers(camundaApi))
			.exceptionHandling((ex) -> ex.defaultAuthenticationEntryPointFor(jsonUnauthorized(), camundaApi)
				.defaultAuthenticationEntryPointFor(
						new HttpStatusEntryPoint(org.springframework.http.HttpStatus.UNAUTHORIZED), actuator));
		return http.build();
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
