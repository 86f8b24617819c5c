package org.rectifyflow.taskrules;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.rectifyflow.kernel.Refusal;

/**
 * A task's attributes belong to the process, not to its holder. Camunda's UPDATE
 * permission on a task lets its holder change its due and follow-up date, name,
 * description, priority, owner, parent task and candidates; a deadline could be buried
 * that way. This interceptor refuses those commands, and deleting a task, when a user
 * (other than a Camunda administrator) calls them directly, through any door: engine
 * REST, Tasklist, the Java API.
 * <p>
 * The project's audited operations (transfer, delegation, extension) run as the system,
 * with no authenticated user, and commands that the engine runs inside another command (a
 * listener of a completion) are not the caller's own: both pass. Claiming, assignment and
 * delegation stay Camunda's ({@code TASK_ASSIGN}).
 */
class TaskAttributeGuard extends CommandInterceptor {

	static final String ATTRIBUTES_ZH = "任务的期限、名称、说明、优先级、负责人和候选人由流程确定，只能通过系统的延期、转办等操作修改。";

	static final String ATTRIBUTES_EN = "A task's due date, follow-up date, name, description, priority, owner, parent "
			+ "and candidates are set by the process; they change only through the audited task operations";

	static final String DELETE_ZH = "流程中的任务不能删除。";

	static final String DELETE_EN = "Tasks of a process cannot be deleted";

	private final ProcessEngineConfigurationImpl configuration;

	TaskAttributeGuard(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (Context.getCommandContext() == null) {
			check(command);
		}
		return this.next.execute(command);
	}

	private void check(Command<?> command) {
		if (command instanceof DeleteTaskCmd) {
			if (userCall()) {
				throw Refusal.forbidden(DELETE_ZH, DELETE_EN);
			}
			return;
		}
		if (changesAttributes(command) && userCall() && !administrator()) {
			throw Refusal.forbidden(ATTRIBUTES_ZH, ATTRIBUTES_EN);
		}
	}

	private static boolean changesAttributes(Command<?> command) {
		if (command instanceof AssignTaskCmd) {
			return false;
		}
		return command instanceof SaveTaskCmd || command instanceof AbstractSetTaskPropertyCmd<?>
				|| command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd;
	}

	private boolean userCall() {
		return authentication() != null;
	}

	private Authentication authentication() {
		Authentication authentication = this.configuration.getIdentityService().getCurrentAuthentication();
		return (authentication != null && authentication.getUserId() != null) ? authentication : null;
	}

	private boolean administrator() {
		Authentication authentication = authentication();
		List<String> adminUsers = this.configuration.getAdminUsers();
		if (adminUsers != null && adminUsers.contains(authentication.getUserId())) {
			return true;
		}
		List<String> groups = authentication.getGroupIds();
		List<String> adminGroups = this.configuration.getAdminGroups();
		return groups != null && adminGroups != null && adminGroups.stream().anyMatch(groups::contains);
	}

}
