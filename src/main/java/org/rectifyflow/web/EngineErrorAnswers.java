package org.rectifyflow.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.rectifyflow.kernel.Refusal;

/**
 * The answers of {@code /engine-rest} to engine errors that are the caller's fault: a
 * refusal, a task claimed by someone else, a concurrent change, a missing task or
 * execution, a missing permission, or a value the database cannot store. Each is 409,
 * 404, 403 or 400 with a Chinese and English message in Camunda's error format
 * ({@code type}, {@code message}), never 500.
 */
final class EngineErrorAnswers {

	static final String CLAIMED_ZH = "该任务已被其他人认领，请刷新后重试。";

	static final String CONCURRENT_ZH = "该事项已被他人同时修改，请刷新后重试。";

	static final String FORBIDDEN_ZH = "您没有执行此操作的权限。";

	static final String GONE_ZH = "该任务不存在或已被他人办理，请刷新后重试。";

	static final String EXECUTION_GONE_ZH = "该流程实例不存在或已结束，请刷新后重试。";

	static final String DATA_ZH = "提交的内容含有无法保存的值（例如空字符或超长的文本），请检查后重试。";

	/**
	 * The engine's words for a task or execution (the scope of a variable) that does not
	 * exist.
	 */
	private static final Pattern MISSING_SCOPE = Pattern.compile("^(task|execution) \\S+ doesn't exist");

	/**
	 * SQLStates of a transaction that the database aborted because it collided with a
	 * concurrent one: {@code 40P01} deadlock detected, {@code 40001} serialization
	 * failure.
	 */
	private static final Set<String> CONCURRENCY_ABORTS = Set.of("40P01", "40001");

	private EngineErrorAnswers() {
	}

	/**
	 * @param error an engine error
	 * @return the answer to the first of its causes that is the caller's fault, or
	 * {@code null} if none is
	 */
	static Response conflictOrForbidden(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof Refusal refusal) {
				return body(Response.Status.fromStatusCode(Problems.status(refusal.getKind()).value()), refusal,
						refusal.getMessageZh() + " / " + refusal.getMessageEn());
			}
			if (cause instanceof TaskAlreadyClaimedException) {
				return response(Response.Status.CONFLICT, cause, CLAIMED_ZH);
			}
			if (cause instanceof OptimisticLockingException || isVanishedProcessInstance(cause)) {
				return response(Response.Status.CONFLICT, cause, CONCURRENT_ZH);
			}
			if (isConcurrencyAbort(cause)) {
				// the database's own words name its processes and transactions
				return body(Response.Status.CONFLICT, cause, CONCURRENT_ZH + " / The item was changed concurrently");
			}
			if (isMissing(cause)) {
				return response(Response.Status.NOT_FOUND, cause,
						cause.getMessage().startsWith("execution") ? EXECUTION_GONE_ZH : GONE_ZH);
			}
			if (cause instanceof AuthorizationException) {
				return response(Response.Status.FORBIDDEN, cause, FORBIDDEN_ZH);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		SQLException data = dataException(error);
		if (data != null) {
			return body(Response.Status.BAD_REQUEST, error, DATA_ZH
					+ " / The database cannot store a value of the request (SQLSTATE " + data.getSQLState() + ")");
		}
		return null;
	}

	/**
	 * Two requests that end the same process instance at once (two completions of its
	 * last task): the loser, reading in READ COMMITTED, finds the instance's executions
	 * already deleted by the winner and the engine says so with a
	 * {@link NullValueException} instead of an {@link OptimisticLockingException}. Its
	 * transaction is rolled back like any other conflict.
	 */
	static boolean isVanishedProcessInstance(Throwable cause) {
		return cause instanceof NullValueException && cause.getMessage() != null
				&& cause.getMessage().contains("Cannot restore state of process instance")
				&& cause.getMessage().contains("list of executions is empty");
	}

	/**
	 * Two requests that change the same rows in opposite order (two approvals of one clue
	 * opinion: the engine's variable rows and the opinion row of the domain) may
	 * deadlock; the database aborts one of them, which is rolled back whole. For its
	 * caller that is the same conflict as a lost optimistic lock.
	 */
	static boolean isConcurrencyAbort(Throwable cause) {
		return cause instanceof SQLException sql && sql.getSQLState() != null
				&& CONCURRENCY_ABORTS.contains(sql.getSQLState());
	}

	/**
	 * Camunda's REST API answers a completion (and other task actions) of a task that no
	 * longer exists, typically because another user has just completed it, and the read
	 * of one variable of a task or execution that does not exist (a task id of another
	 * kind, a finished task), with 500. Like a task that does not exist, that is a 404;
	 * the answer only repeats the id the caller sent.
	 */
	static boolean isMissing(Throwable cause) {
		return (cause instanceof NullValueException || cause instanceof NotFoundException) && cause.getMessage() != null
				&& (cause.getMessage().startsWith("Cannot find task with id")
						|| MISSING_SCOPE.matcher(cause.getMessage()).find());
	}

	/**
	 * @param error an error
	 * @return the database's data exception (SQLSTATE class 22) among its causes, if any
	 */
	static SQLException dataException(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				// a failed batch names the statement's error as its next exception
				for (SQLException next = sql; next != null; next = next.getNextException()) {
					if (next.getSQLState() != null && next.getSQLState().startsWith("22")) {
						return next;
					}
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	/**
	 * @return Camunda's error body with the Chinese message and the engine's own
	 */
	static Response response(Response.Status status, Throwable cause, String messageZh) {
		return body(status, cause, messageZh + " / " + cause.getMessage());
	}

	/**
	 * @return Camunda's error body ({@code type}, {@code message}, {@code code})
	 */
	static Response body(Response.Status status, Throwable cause, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", cause.getClass().getSimpleName());
		body.put("message", message);
		body.put("code", null);
		return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

	@Provider
	@Priority(1)
	static class TaskAlreadyClaimedMapper implements ExceptionMapper<TaskAlreadyClaimedException> {

		@Override
		public Response toResponse(TaskAlreadyClaimedException exception) {
			return conflictOrForbidden(exception);
		}

	}

	@Provider
	@Priority(1)
	static class OptimisticLockingMapper implements ExceptionMapper<OptimisticLockingException> {

		@Override
		public Response toResponse(OptimisticLockingException exception) {
			return conflictOrForbidden(exception);
		}

	}

	/**
	 * The engine reports a missing task or a missing argument with a
	 * {@link NullValueException}, which Camunda's REST API answers with 500; it is the
	 * caller's mistake.
	 */
	@Provider
	@Priority(1)
	static class NullValueMapper implements ExceptionMapper<NullValueException> {

		@Override
		public Response toResponse(NullValueException exception) {
			Response mapped = conflictOrForbidden(exception);
			return (mapped != null) ? mapped
					: body(Response.Status.BAD_REQUEST, exception, "请求缺少必要的内容，或引用的对象不存在。 / " + exception.getMessage());
		}

	}

	/**
	 * A value that the database refuses as data (SQLSTATE class 22: a NUL character, a
	 * text longer than its column, a number out of range), for example in a process
	 * variable, comes from the request: 400, not 500. The transaction has been rolled
	 * back. A database that cannot be reached is 503, to be tried again.
	 */
	@Provider
	@Priority(1)
	static class DataExceptionMapper implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException exception) {
			if (DatabaseUnavailable.isCause(exception)) {
				return Response
					.fromResponse(body(Response.Status.SERVICE_UNAVAILABLE, exception,
							DatabaseUnavailable.MESSAGE_ZH + " / " + DatabaseUnavailable.MESSAGE_EN))
					.header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
					.build();
			}
			Response mapped = conflictOrForbidden(exception);
			return (mapped != null) ? mapped : ExceptionHandlerHelper.getInstance().getResponse(exception);
		}

	}

}
