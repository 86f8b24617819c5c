package org.rectifyflow.browser;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.recommendation.LetterBasisItem;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.recommendation.RecommendationLetters;
import org.rectifyflow.recommendation.RecommendationProcess;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recommendation letter drafted through the real Tasklist: the unit chosen by name, the
 * problems and the requirements as lists, the basis picked among the campaigns' problems
 * by their description; no code, separator or id to type. After 完成 the letter holds one
 * row per problem and requirement and the chosen problem with its label.
 */
@BrowserTest
class RecommendationDraftBrowserTest {

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	RecommendationLetters letters;

	@Test
	void shouldDraftALetterWithListsAndABasisChosenByItsWords(Web web) {
		RecommendationLetter letter = start();
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(letter.getProcessInstanceId())
			.taskDefinitionKey(RecommendationProcess.TASK_DRAFT)
			.singleResult();

		TasklistPage tasklist = web.login("discipline");
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		TaskPanel panel = tasklist.openTask(task.getId());
		panel.claim();
		CamundaForm form = panel.camundaForm();
		assertThat(form.root()).containsText("起草建议书");
		assertThat(form.root()).not().containsText("单位代码");
		form.choose("建议书种类", "纪律检查建议书");
		form.select("被建议单位", "市容环境卫生管理所");
		CamundaForm problems = form.list("存在的问题");
		problems.listItem(0).fill("问题", "环卫作业考核以会议落实会议");
		problems.addListItem();
		problems.listItem(1).fill("问题", "检查督导较少，问题整改流于形式");
		form.tag("所依据的问题线索和问题", "办公室", "办公室");
		CamundaForm requirements = form.list("整改要求");
		requirements.listItem(0).fill("要求", "修订环卫作业考核办法");
		requirements.addListItem();
		requirements.listItem(1).fill("要求", "建立督办台账，逐项销号");
		web.screenshot("28-recommendation-draft");
		assertThat(panel.complete()).isEqualTo(204);

		RecommendationLetter drafted = this.letters.find(letter.getId()).orElseThrow();
		assertThat(drafted.getStatus()).isEqualTo(RecommendationLetter.Status.APPROVING);
		assertThat(drafted.getUnitCode()).isEqualTo("u3");
		assertThat(drafted.getProblemItems()).containsExactly("环卫作业考核以会议落实会议", "检查督导较少，问题整改流于形式");
		assertThat(drafted.getRequirementItems()).containsExactly("修订环卫作业考核办法", "建立督办台账，逐项销号");
		assertThat(drafted.getBasis()).hasSize(1);
		LetterBasisItem basis = drafted.getBasis().get(0);
		assertThat(basis.problemId()).isNotNull();
		assertThat(basis.label()).startsWith("办公室").doesNotContainPattern("P\\d{3}|ZZ-\\d{4}");
		assertThat(drafted.getBasisRefs()).isEqualTo(basis.label());
	}

	/** Starts a letter as {@code discipline}, as Tasklist's 「发起流程」 would. */
	private RecommendationLetter start() {
		this.identityService.setAuthentication("discipline", List.of(Roles.DISCIPLINE_GROUP));
		try {
			ProcessInstance pi = this.runtimeService.startProcessInstanceByKey(RecommendationProcess.KEY);
			return this.letters.findByCode(pi.getBusinessKey()).orElseThrow();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}
