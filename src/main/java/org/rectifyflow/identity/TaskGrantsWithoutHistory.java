package org.rectifyflow.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;

import org.springframework.stereotype.Component;

/**
 * The grants Camunda gives a task's assignee, owner and candidates cover the task while
 * it runs, and nothing in history. With historic instance permissions on, Camunda would
 * also grant READ on the task's {@code HISTORIC_TASK}, and its history queries read that
 * grant as access to every historic variable and detail of the whole process instance
 * ({@code ACT_HI_VARINST} joined to every task of the instance), for ever: one task once
 * held would open a whole campaign or investigation. History stays readable by definition
 * for the groups whose role owns a process ({@link IdentityBootstrap}) and per instance
 * where a feature discloses one; see {@code docs/security.md}.
 */
@Component
class TaskGrantsWithoutHistory extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new Provider());
	}

	static class Provider extends DefaultAuthorizationProvider {

		/**
		 * Historic instance permissions stay on for the engine (per-instance
		 * {@code HISTORIC_PROCESS_INSTANCE} grants disclose single instances); only the
		 * grants this provider makes for tasks leave history out.
		 */
		@Override
		protected boolean isHistoricInstancePermissionsEnabled() {
			return false;
		}

	}

}
