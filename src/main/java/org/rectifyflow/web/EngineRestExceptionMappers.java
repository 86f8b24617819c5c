package org.rectifyflow.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.kernel.Refusal;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Engine errors that are the caller's fault reach REST clients (and Tasklist, which shows
 * the {@code message}) as 409 or 403 with a Chinese and English message, never as 500.
 * The body keeps Camunda's error format ({@code type}, {@code message}).
 */
@Component
class EngineRestExceptionMappers implements ResourceConfigCustomizer {

	static final String CLAIMED_ZH = "该任务已被其他人认领，请刷新后重试。";

	static final String CONCURRENT_ZH = "该事项已被他人同时修改，请刷新后重试。";

	static final String FORBIDDEN_ZH = "您没有执行此操作的权限。";

	private static final Pattern TASK_COMPLETION = Pattern.compile("task/([^/]+)/(complete|submit-form)$");

	private static final Pattern TASK_DEPLOYED_FORM = Pattern.compile("task/([^/]+)/deployed-form$");

	/**
	 * The engine's words for a task or execution (the scope of a variable) that does not
	 * exist.
	 */
	private static final Pattern MISSING_SCOPE = Pattern.compile("^(task|execution) \\S+ doesn't exist");

	static final String GONE_ZH = "该任务不存在或已被他人办理，请刷新后重试。";

	static final String EXECUTION_GONE_ZH = "该流程实例不存在或已结束，请刷新后重试。";

	/**
	 * SQLStates of a transaction that the database aborted because it collided with a
	 * concurrent one: {@code 40P01} deadlock detected, {@code 40001} serialization
	 * failure.
	 */
	private static final Set<String> CONCURRENCY_ABORTS = Set.of("40P01", "40001");

	static final String MALFORMED_ZH = "请求内容格式错误，无法解析。";

	static final String DATA_ZH = "提交的内容含有无法保存的值（例如空字符或超长的文本），请检查后重试。";

	private final TaskService taskService;

	private final SystemAuthority systemAuthority;

	EngineRestExceptionMappers(TaskService taskService, SystemAuthority systemAuthority) {
		this.taskService = taskService;
		this.systemAuthority = systemAuthority;
	}

	/**
	 * Whether the task is gone for everybody. Asked without the caller's authorizations:
	 * a task the caller may not see still exists, and refusing to complete it is a 403,
	 * not a conflict.
	 */
	private boolean vanished(String taskId) {
		return this.systemAuthority.call(() -> this.taskService.createTaskQuery().taskId(taskId).count()) == 0;
	}

	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		config.register(new ConcurrentCompletionMapper(this::vanished));
		config.register(new VanishedTaskAuthorizationMapper(this::vanished));
		config.register(TaskAlreadyClaimedMapper.class);
		config.register(OptimisticLockingMapper.class);
		config.register(new WrappedEngineExceptionMapper(this::vanished));
		config.register(NullValueMapper.class);
		config.register(ParserLimitMapper.class);
		config.register(JsonParseMapper.class);
		config.register(JsonMappingMapper.class);
		config.register(DataExceptionMapper.class);
	}

	/**
	 * Whether the request completes a task (complete or submit-form) that is gone for
	 * everybody: it lost a race with another completion.
	 */
	static boolean completesVanishedTask(UriInfo uriInfo, Predicate<String> vanished) {
		return addressesVanishedTask(uriInfo, TASK_COMPLETION, vanished);
	}

	/**
	 * Whether the request's path matches the pattern, whose first group is a task id, and
	 * that task is gone for everybody.
	 */
	private static boolean addressesVanishedTask(UriInfo uriInfo, Pattern path, Predicate<String> vanished) {
		Matcher task = (uriInfo != null) ? path.matcher(uriInfo.getPath()) : null;
		return task != null && task.find() && vanished.test(task.group(1));
	}

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

	private static Response response(Response.Status status, Throwable cause, String messageZh) {
		return body(status, cause, messageZh + " / " + cause.getMessage());
	}

	private static Response body(Response.Status status, Throwable cause, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", cause.getClass().getSimpleName());
		body.put("message", message);
		body.put("code", null);
		return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

	/**
	 * Whether the request reads the deployed form of a task that does not exist:
	 * Camunda's authorization check of that resource fails with a
	 * {@link NullPointerException}.
	 */
	static boolean readsFormOfMissingTask(UriInfo uriInfo, Predicate<String> vanished) {
		return addressesVanishedTask(uriInfo, TASK_DEPLOYED_FORM, vanished);
	}

	/**
	 * Two completions of one task racing each other: the engine's loser may fail with a
	 * {@link NullPointerException} (its execution was removed by the winner) before its
	 * optimistic lock would. When the task of a complete/submit-form request is gone,
	 * that is a conflict. The deployed form of a task that does not exist is a 404, as
	 * the task itself is.
	 */
	@Provider
	@Priority(1)
	static class ConcurrentCompletionMapper implements ExceptionMapper<NullPointerException> {

		private final Predicate<String> vanished;

		@Context
		private UriInfo uriInfo;

		ConcurrentCompletionMapper(Predicate<String> vanished) {
			this.vanished = vanished;
		}

		@Override
		public Response toResponse(NullPointerException exception) {
			if (completesVanishedTask(this.uriInfo, this.vanished)) {
				return response(Response.Status.CONFLICT, exception, GONE_ZH);
			}
			if (readsFormOfMissingTask(this.uriInfo, this.vanished)) {
				return body(Response.Status.NOT_FOUND, exception, GONE_ZH + " / The task does not exist");
			}
			return ExceptionHandlerHelper.getInstance().getResponse(exception);
		}

	}

	/**
	 * The loser of two racing completions may instead fail the authorization check,
	 * because the winner's completion removed the task and its grants: a conflict, not a
	 * missing permission.
	 */
	@Provider
	@Priority(1)
	static class VanishedTaskAuthorizationMapper implements ExceptionMapper<AuthorizationException> {

		private final Predicate<String> vanished;

		@Context
		private UriInfo uriInfo;

		VanishedTaskAuthorizationMapper(Predicate<String> vanished) {
			this.vanished = vanished;
		}

		@Override
		public Response toResponse(AuthorizationException exception) {
			if (completesVanishedTask(this.uriInfo, this.vanished)) {
				return response(Response.Status.CONFLICT, exception, GONE_ZH);
			}
			return response(Response.Status.FORBIDDEN, exception, FORBIDDEN_ZH);
		}

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
	 * JSON beyond the parser's limits (nesting depth, number or string length) is a bad
	 * request, not a server error.
	 */
	@Provider
	@Priority(1)
	static class ParserLimitMapper implements ExceptionMapper<StreamConstraintsException> {

		@Override
		public Response toResponse(StreamConstraintsException exception) {
			return body(Response.Status.BAD_REQUEST, exception,
					"请求内容超出解析限制（嵌套过深或内容过大）。 / " + exception.getOriginalMessage());
		}

	}

	/**
	 * Camunda's resources wrap some engine errors into a {@link RestException} with
	 * status 500 (a completion: every {@link ProcessEngineException}). The loser of two
	 * racing completions may be refused by a task rule that no longer finds the variables
	 * the winner's completion removed: when the task is gone, that is a conflict, not the
	 * caller's mistake.
	 */
	@Provider
	@Priority(1)
	static class WrappedEngineExceptionMapper implements ExceptionMapper<RestException> {

		private final Predicate<String> vanished;

		@Context
		private UriInfo uriInfo;

		WrappedEngineExceptionMapper(Predicate<String> vanished) {
			this.vanished = vanished;
		}

		@Override
		public Response toResponse(RestException exception) {
			Response.Status status = exception.getStatus();
			Response mapped = (status == null || status == Response.Status.INTERNAL_SERVER_ERROR
					|| status == Response.Status.BAD_REQUEST) ? conflictOrForbidden(exception.getCause()) : null;
			if (mapped != null && mapped.getStatus() == Response.Status.BAD_REQUEST.getStatusCode()
					&& completesVanishedTask(this.uriInfo, this.vanished)) {
				return response(Response.Status.CONFLICT, exception, GONE_ZH);
			}
			return (mapped != null) ? mapped : ExceptionHandlerHelper.getInstance().getResponse(exception);
		}

	}

	/**
	 * Malformed JSON, or JSON of the wrong shape: Camunda's error body with a Chinese and
	 * English message instead of the parser's plain text. Two mappers, because JAX-RS
	 * picks the mapper of the nearest exception type and Camunda registers its own for
	 * both {@link JsonParseException} and {@link JsonMappingException}.
	 */
	static Response malformedJson(JsonProcessingException exception, String kindEn) {
		return body(Response.Status.BAD_REQUEST, exception,
				MALFORMED_ZH + " / " + kindEn + ": " + exception.getOriginalMessage());
	}

	@Provider
	@Priority(1)
	static class JsonParseMapper implements ExceptionMapper<JsonParseException> {

		@Override
		public Response toResponse(JsonParseException exception) {
			return malformedJson(exception, "Malformed JSON");
		}

	}

	@Provider
	@Priority(1)
	static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {

		@Override
		public Response toResponse(JsonMappingException exception) {
			return malformedJson(exception, "Invalid JSON");
		}

	}

	/**
	 * A value that the database refuses as data (SQLSTATE class 22: a NUL character, a
	 * text longer than its column, a number out of range), for example in a process
	 * variable, comes from the request: 400, not 500. The transaction has been rolled
	 * back.
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

}
