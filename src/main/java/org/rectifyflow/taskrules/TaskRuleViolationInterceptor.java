package org.rectifyflow.taskrules;

import org.rectifyflow.kernel.Refusal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps every exception a task listener throws in a plain
 * {@code ProcessEngineException} ("ENGINE-03051 There was an exception while invoking the
 * TaskListener"), which the engine REST API answers with HTTP 500. Running outside the
 * transaction (the command has rolled back by then), this interceptor rethrows the
 * {@link TaskRuleViolation} itself for completions, which the REST API answers with HTTP
 * 400, and a {@link BadUserRequestException} with the same message for every other
 * command (claim, assignment), which the REST API also answers with HTTP 400.
 */
class TaskRuleViolationInterceptor extends CommandInterceptor {

	@Override
	public <T> T execute(Command<T> command) {
		try {
			return this.next.execute(command);
		}
		catch (RuntimeException ex) {
			if (!(Refusal.in(ex).orElse(null) instanceof TaskRuleViolation violation) || violation == ex) {
				throw ex;
			}
			if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
				throw violation;
			}
			if (ex instanceof BadUserRequestException && ex.getCause() == violation) {
				throw ex;
			}
			throw new BadUserRequestException(violation.getMessage(), violation);
		}
	}

}
