package org.rectifyflow.web;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

import static org.rectifyflow.web.EngineErrorAnswers.FORBIDDEN_ZH;
import static org.rectifyflow.web.EngineErrorAnswers.GONE_ZH;
import static org.rectifyflow.web.EngineErrorAnswers.body;
import static org.rectifyflow.web.EngineErrorAnswers.conflictOrForbidden;
import static org.rectifyflow.web.EngineErrorAnswers.response;

/**
 * The answers of {@code /engine-rest} to a request on a task that is gone for everybody:
 * the loser of two racing completions gets a conflict, whichever way the engine fails it
 * (a {@link NullPointerException}, a failed authorization check, a task rule that no
 * longer finds its variables); the deployed form of a task that does not exist is a 404,
 * as the task itself is.
 */
final class VanishedTaskMappers {

	private static final Pattern TASK_COMPLETION = Pattern.compile("task/([^/]+)/(complete|submit-form)$");

	private static final Pattern TASK_DEPLOYED_FORM = Pattern.compile("task/([^/]+)/deployed-form$");

	private VanishedTaskMappers() {
	}

	/**
	 * Whether the request completes a task (complete or submit-form) that is gone for
	 * everybody: it lost a race with another completion.
	 */
	static boolean completesVanishedTask(UriInfo uriInfo, Predicate<String> vanished) {
		return addressesVanishedTask(uriInfo, TASK_COMPLETION, vanished);
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
	 * Whether the request's path matches the pattern, whose first group is a task id, and
	 * that task is gone for everybody.
	 */
	private static boolean addressesVanishedTask(UriInfo uriInfo, Pattern path, Predicate<String> vanished) {
		Matcher task = (uriInfo != null) ? path.matcher(uriInfo.getPath()) : null;
		return task != null && task.find() && vanished.test(task.group(1));
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

}
