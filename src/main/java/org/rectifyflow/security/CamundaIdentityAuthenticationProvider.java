package org.rectifyflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against Camunda's identity service (the database in the
 * embedded default, LDAP in production through Camunda's LDAP plugin), so there is
 * exactly one user directory. Camunda's login throttling applies. Each Camunda group
 * becomes an authority {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || credentials == null) {
			throw new BadCredentialsException("用户名或密码错误 / Bad credentials");
		}
		if (!this.identityService.checkPassword(userId, credentials.toString())) {
			throw new BadCredentialsException("用户名或密码错误 / Bad credentials");
		}
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
