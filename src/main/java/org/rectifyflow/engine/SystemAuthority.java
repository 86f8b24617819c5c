package org.rectifyflow.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * Runs engine calls that the application makes on its own behalf (starting a helper
 * process, creating a system task) without the current user's Camunda authorization
 * checks. The caller remains responsible for deciding that the user may trigger the
 * action.
 */
@Component
public class SystemAuthority {

	private final IdentityService identityService;

	SystemAuthority(IdentityService identityService) {
		this.identityService = identityService;
	}

	/**
	 * Runs the action with Camunda authorization checks off, then restores the current
	 * authentication.
	 * @param <T> the result type
	 * @param action the engine calls to run
	 * @return the action's result
	 */
	public <T> T call(Supplier<T> action) {
		Authentication saved = this.identityService.getCurrentAuthentication();
		this.identityService.clearAuthentication();
		try {
			return action.get();
		}
		finally {
			if (saved != null) {
				this.identityService.setAuthentication(saved);
			}
		}
	}

	/**
	 * Runs the action with Camunda authorization checks off.
	 * @param action the engine calls to run
	 */
	public void run(Runnable action) {
		call(() -> {
			action.run();
			return null;
		});
	}

}
