package org.rectifyflow.web;

import org.camunda.bpm.engine.TaskService;
import org.rectifyflow.engine.SystemAuthority;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Engine errors that are the caller's fault reach REST clients (and Tasklist, which shows
 * the {@code message}) as 409, 404, 403 or 400 with a Chinese and English message, never
 * as 500. The body keeps Camunda's error format ({@code type}, {@code message}). This
 * registers the mappers with Camunda's REST API: {@link EngineErrorAnswers} (refusals,
 * conflicts, missing items and permissions, bad data), {@link VanishedTaskMappers}
 * (requests on a task another request has just removed) and {@link MalformedJsonMappers}
 * (bodies that cannot be read).
 */
@Component
class EngineRestExceptionMappers implements ResourceConfigCustomizer {

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
		config.register(new VanishedTaskMappers.ConcurrentCompletionMapper(this::vanished));
		config.register(new VanishedTaskMappers.VanishedTaskAuthorizationMapper(this::vanished));
		config.register(EngineErrorAnswers.TaskAlreadyClaimedMapper.class);
		config.register(EngineErrorAnswers.OptimisticLockingMapper.class);
		config.register(new VanishedTaskMappers.WrappedEngineExceptionMapper(this::vanished));
		config.register(EngineErrorAnswers.NullValueMapper.class);
		config.register(MalformedJsonMappers.ParserLimitMapper.class);
		config.register(MalformedJsonMappers.JsonParseMapper.class);
		config.register(MalformedJsonMappers.JsonMappingMapper.class);
		config.register(EngineErrorAnswers.DataExceptionMapper.class);
	}

}
