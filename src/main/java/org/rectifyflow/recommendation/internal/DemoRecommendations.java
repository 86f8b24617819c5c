package org.rectifyflow.recommendation.internal;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.recommendation.RecommendationLetters;
import org.rectifyflow.recommendation.RecommendationProcess;
import org.rectifyflow.taskrules.FormList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo recommendation letter of the embedded default: issued to u5 ten weeks ago with
 * the default 30 working days to reply, so its reply is late. The letter is driven with
 * the engine clock set back; once the clock is reset, the job executor fires the due
 * deadline timer at start and the escalation reaches {@code supervisors}. Idempotent.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "rectify.demo.enabled", havingValue = "true")
class DemoRecommendations implements ApplicationRunner {

	static final List<String> DEMO_PROBLEMS = List.of("窗口服务存在推诿扯皮现象，办事群众多次往返", "同类问题在多个窗口反复出现，属系统性问题");

	private static final Logger logger = LoggerFactory.getLogger(DemoRecommendations.class);

	private final RecommendationLetters recommendations;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final WorkingDayCalendar calendar;

	DemoRecommendations(RecommendationLetters recommendations, RuntimeService runtimeService, TaskService taskService,
			WorkingDayCalendar calendar) {
		this.recommendations = recommendations;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.calendar = calendar;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.recommendations.all().stream().anyMatch((l) -> DEMO_PROBLEMS.equals(l.getProblemItems()))) {
			return;
		}
		ZonedDateTime back = ZonedDateTime.now(this.calendar.zone()).minusWeeks(10).withHour(9).withMinute(0);
		ClockUtil.setCurrentTime(Date.from(back.toInstant()));
		try {
			ProcessInstance pi = this.runtimeService.startProcessInstanceByKey(RecommendationProcess.KEY,
					Map.of(RecommendationProcess.VAR_STARTED_BY, "discipline"));
			Map<String, Object> draft = new HashMap<>();
			draft.put(RecommendationProcess.VAR_LETTER_KIND, "DISCIPLINE");
			draft.put(RecommendationProcess.VAR_UNIT_CODE, "u5");
			draft.put(RecommendationProcess.VAR_PROBLEMS, rows(DEMO_PROBLEMS));
			draft.put(RecommendationProcess.VAR_REQUIREMENTS,
					rows(List.of("全面梳理窗口服务事项，公开办事指南", "落实首问负责、限时办结制度", "对推诿扯皮问题严肃问责")));
			draft.put(RecommendationProcess.VAR_REPLY_WORKING_DAYS, 30L);
			complete(pi, RecommendationProcess.TASK_DRAFT, draft);
			complete(pi, RecommendationProcess.TASK_APPROVE, Map.of(RecommendationProcess.VAR_LETTER_APPROVED, "true",
					RecommendationProcess.VAR_OPINION, "同意印发"));
		}
		finally {
			ClockUtil.reset();
		}
		logger.info("Demo recommendation letter issued to u5 with an overdue reply");
	}

	private static Object rows(List<String> items) {
		return FormList.json(items.stream().map((item) -> Map.of(DraftInput.ITEM, item)).toList());
	}

	private void complete(ProcessInstance pi, String key, Map<String, Object> variables) {
		String taskId = this.taskService.createTaskQuery()
			.processInstanceId(pi.getId())
			.taskDefinitionKey(key)
			.singleResult()
			.getId();
		this.taskService.complete(taskId, new HashMap<>(variables));
	}

}
