package org.rectifyflow.security.internal;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against Camunda's identity service (the database in the
 * embedded default, LDAP in production through Camunda's LDAP plugin), so there is
 * exactly one user directory. Failed logins slow down the next attempt
 * ({@link LoginThrottle}). Each Camunda group becomes an authority {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

	private final IdentityService identityService;

	private final LoginThrottle throttle;

	CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
		this.identityService = identityService;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || credentials == null) {
			throw new BadCredentialsException("用户名或密码错误 / Bad credentials");
		}
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
		Duration delay = this.throttle.waitFor(userId, address);
		if (!delay.isZero()) {
			long wait = delay.toSeconds() + 1;
			throw new LockedException(
					"登录失败次数过多，请 %d 秒后再试 / Too many failed logins, retry in %d s".formatted(wait, wait));
		}
		if (!this.identityService.checkPassword(userId, credentials.toString())) {
			this.throttle.failed(userId, address);
			throw new BadCredentialsException("用户名或密码错误 / Bad credentials");
		}
		this.throttle.succeeded(userId, address);
		List<SimpleGrantedAuthority> authorities = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.map(id -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + id))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
