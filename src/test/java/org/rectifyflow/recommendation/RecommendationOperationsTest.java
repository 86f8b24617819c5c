package org.rectifyflow.recommendation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.recommendation.internal.RecommendationReplyRepository;
import org.rectifyflow.taskrules.TaskRules;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 退回 and 撤回 move a recommendation letter with its process: the returned draft or reply
 * shows the return opinion and is submitted again; a withdrawn draft or reply is taken
 * back before anybody acted on the next step.
 */
@RectifyFlowTest
class RecommendationOperationsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	HistoryService historyService;

	@Autowired
	RecommendationLetters recommendations;

	@Autowired
	RecommendationReplyRepository replies;

	@Test
	void shouldReturnAndWithdrawTheDraftAndTheReplyWithTheLetter() throws Exception {
		RecommendationLetter letter = start();
		draft(letter, "discipline");
		Task approval = task(letter, RecommendationProcess.TASK_APPROVE);

		call("discipline", "/api/tasks/" + approval.getId() + "/withdraw", "{}").andExpect(status().is4xxClientError());
		call("discipline", "/api/tasks/" + lastCompleted(letter, RecommendationProcess.TASK_DRAFT) + "/withdraw", "{}")
			.andExpect(status().isOk());
		assertThat(stateOf(letter)).isEqualTo(RecommendationLetter.Status.DRAFTING);
		assertThat(task(letter, RecommendationProcess.TASK_APPROVE)).isNull();

		draft(letter, "discipline");
		call("disciplinelead", "/api/tasks/" + task(letter, RecommendationProcess.TASK_APPROVE).getId() + "/return",
				"{\"opinion\":\"问题描述不够具体，请补充\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.taskDefinitionKey").value(RecommendationProcess.TASK_DRAFT));
		assertThat(stateOf(letter)).isEqualTo(RecommendationLetter.Status.DRAFTING);
		Task redraft = task(letter, RecommendationProcess.TASK_DRAFT);
		assertThat((String) this.taskService.getVariableLocal(redraft.getId(), TaskRules.RETURN_OPINION))
			.contains("问题描述不够具体");

		draft(letter, "discipline");
		complete(task(letter, RecommendationProcess.TASK_APPROVE), "disciplinelead",
				RecommendationProcess.VAR_LETTER_APPROVED, true, RecommendationProcess.VAR_OPINION, "同意");
		assertThat(stateOf(letter)).isEqualTo(RecommendationLetter.Status.ISSUED);

		Task reply = task(letter, RecommendationProcess.TASK_REPLY);
		String recipient = reply.getAssignee();
		complete(reply, recipient, RecommendationProcess.VAR_REPLY_MEASURES, "已修订考核办法");
		assertThat(stateOf(letter)).isEqualTo(RecommendationLetter.Status.REPLIED);
		call(recipient, "/api/tasks/" + reply.getId() + "/withdraw", "{}").andExpect(status().isOk());
		assertThat(stateOf(letter)).isEqualTo(RecommendationLetter.Status.ISSUED);
		assertThat(this.replies.findByLetterIdOrderBySeqAsc(letter.getId())).isEmpty();
		assertThat(task(letter, RecommendationProcess.TASK_VERIFY)).isNull();

		complete(task(letter, RecommendationProcess.TASK_REPLY), recipient, RecommendationProcess.VAR_REPLY_MEASURES,
				"已修订考核办法并印发");
		call("discipline", "/api/tasks/" + task(letter, RecommendationProcess.TASK_VERIFY).getId() + "/return",
				"{\"opinion\":\"请附上印发文件\"}")
			.andExpect(status().isOk());
		assertThat(stateOf(letter)).isEqualTo(RecommendationLetter.Status.ISSUED);
		assertThat(this.replies.findByLetterIdOrderBySeqAsc(letter.getId())).singleElement()
			.satisfies((r) -> assertThat(r.getVerdictReason()).isEqualTo("请附上印发文件"));
		Task again = task(letter, RecommendationProcess.TASK_REPLY);
		assertThat((String) this.taskService.getVariableLocal(again.getId(), TaskRules.RETURN_OPINION))
			.contains("请附上印发文件");

		complete(again, recipient, RecommendationProcess.VAR_REPLY_MEASURES, "已修订考核办法并印发，附文件");
		complete(task(letter, RecommendationProcess.TASK_VERIFY), "discipline",
				RecommendationProcess.VAR_REPLY_ACCEPTED, true, RecommendationProcess.VAR_OPINION, "核实通过");
		assertThat(stateOf(letter)).isEqualTo(RecommendationLetter.Status.ACCEPTED);
	}

	private RecommendationLetter start() {
		this.identityService.setAuthentication("discipline", List.of(Roles.DISCIPLINE_GROUP));
		try {
			ProcessInstance pi = this.runtimeService.startProcessInstanceByKey(RecommendationProcess.KEY);
			return this.recommendations.findByCode(pi.getBusinessKey()).orElseThrow();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private void draft(RecommendationLetter letter, String user) {
		complete(task(letter, RecommendationProcess.TASK_DRAFT), user, RecommendationProcess.VAR_LETTER_KIND,
				"DISCIPLINE", RecommendationProcess.VAR_UNIT_CODE, "u1", RecommendationProcess.VAR_PROBLEMS,
				"环卫作业考核以会议落实会议", RecommendationProcess.VAR_REQUIREMENTS, "一、修订考核办法",
				RecommendationProcess.VAR_REPLY_WORKING_DAYS, 30L);
	}

	private void complete(Task task, String user, Object... keyValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		if (task.getAssignee() == null) {
			this.taskService.claim(task.getId(), user);
		}
		this.taskService.complete(task.getId(), variables);
	}

	private String lastCompleted(RecommendationLetter letter, String key) {
		return this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(letter.getProcessInstanceId())
			.taskDefinitionKey(key)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.list()
			.get(0)
			.getId();
	}

	private RecommendationLetter.Status stateOf(RecommendationLetter letter) {
		return this.recommendations.find(letter.getId()).orElseThrow().getStatus();
	}

	private Task task(RecommendationLetter letter, String key) {
		return this.taskService.createTaskQuery()
			.processInstanceId(letter.getProcessInstanceId())
			.taskDefinitionKey(key)
			.singleResult();
	}

	private ResultActions call(String user, String path, String json) throws Exception {
		return this.mvc
			.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(json));
	}

}
