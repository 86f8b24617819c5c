package org.rectifyflow.security.web;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.rectifyflow.engine.SystemAuthority;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.security.Principal;
import java.util.Map;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.identity.Membership;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.security.internal.LoginThrottle;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an administrator clear the login delays of a user ({@link LoginThrottle}), e.g.
 * for a colleague who cannot wait.
 */
@Tag(name = "账户 Accounts")
@RestController
class LoginThrottleController {

	private final LoginThrottle throttle;

	private final Membership membership;

	private final AuditService audit;

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	LoginThrottleController(LoginThrottle throttle, Membership membership, AuditService audit,
			IdentityService identityService, SystemAuthority systemAuthority) {
		this.throttle = throttle;
		this.membership = membership;
		this.audit = audit;
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
	}

	@Operation(operationId = "releaseLoginDelay",
			summary = "Release a user's login delays after failed attempts (administrators)")
	@PostMapping("/api/login-throttle/{userId}/release")
	@Transactional
	Map<String, Object> release(@PathVariable String userId, Principal user, HttpServletRequest request) {
		if (request.getContentLengthLong() > 0) {
			throw Refusal.invalid("此操作不需要请求内容", "this request takes no body");
		}
		if (!this.membership.of(user.getName()).isAdmin()) {
			throw Refusal.forbidden("只有系统管理员可以解除登录限制。", "Only administrators release login delays");
		}
		if (this.systemAuthority.call(() -> this.identityService.createUserQuery().userId(userId).count()) == 0) {
			throw Refusal.notFound("用户不存在：" + userId, "no user " + userId);
		}
		boolean released = this.throttle.release(userId);
		this.audit.record("LOGIN_THROTTLE_RELEASED", "user", userId, null, String.valueOf(released));
		return Map.of("userId", userId, "released", released);
	}

}
