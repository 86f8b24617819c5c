package org.rectifyflow.identity.internal;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

import org.springframework.stereotype.Component;

/**
 * The grants the engine creates by itself, when a user is created and when a task gets an
 * assignee, owner or candidates. The engine has one authorization provider; this is it,
 * so every change to those defaults is made here.
 * <ul>
 * <li><b>A new user gets READ on its own account</b>, not Camunda's ALL: with ALL it
 * could rename itself (and pose as someone else in every notification), change its
 * password without the old one through the engine REST API, or delete itself. Profiles,
 * passwords and accounts are kept by the administrator (Camunda Admin);
 * {@link IdentityBootstrap} takes the old grant back from existing users.</li>
 * <li><b>A task hands out nothing in history.</b> With historic instance permissions on,
 * Camunda would also grant READ on the task's {@code HISTORIC_TASK}, and its history
 * queries read that grant as access to every historic variable and detail of the whole
 * process instance, for ever: one task once held would open a whole campaign or
 * investigation. History stays readable for the groups whose role owns a process
 * ({@link IdentityBootstrap}) and per instance where a feature discloses one; historic
 * instance permissions stay on for the engine, only the grants made for tasks leave
 * history out. See {@code docs/security.md}.</li>
 * </ul>
 */
@Component
class DefaultGrants extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new Provider());
	}

	static class Provider extends DefaultAuthorizationProvider {

		@Override
		public AuthorizationEntity[] newUser(User user) {
			return new AuthorizationEntity[] {
					createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ) };
		}

		@Override
		protected boolean isHistoricInstancePermissionsEnabled() {
			return false;
		}

	}

}
