package org.rectifyflow.identity.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the demo data and without a configured password, the administrator gets a
 * random password that is printed once, at creation, and never "admin" or "demo".
 */
@SpringBootTest(properties = { "rectify.demo.enabled=false", "rectify.admin.user=operator", "rectify.admin.password=" })
@ExtendWith(OutputCaptureExtension.class)
class GeneratedAdminPasswordTest {

	@Autowired
	IdentityService identityService;

	@Autowired
	IdentityBootstrap bootstrap;

	@Test
	void shouldPrintAGeneratedPasswordOnceThatWorks(CapturedOutput output) {
		ApplicationArguments none = new DefaultApplicationArguments();
		this.identityService.deleteUser("operator");

		this.bootstrap.run(none);

		Matcher printed = Pattern.compile("password: (\\S+)").matcher(output.getOut());
		String password = null;
		while (printed.find()) {
			password = printed.group(1);
		}
		assertThat(password).as("the generated password is printed").isNotNull();
		assertThat(password).hasSizeGreaterThanOrEqualTo(16).isNotIn("admin", "demo");
		assertThat(this.identityService.checkPassword("operator", password)).isTrue();
		assertThat(this.identityService.createUserQuery().userId("demo").count()).isZero();
		assertThat(this.identityService.createUserQuery().userId("u1").count()).isZero();

		int printedBefore = output.getOut().split("password: ", -1).length;
		this.bootstrap.run(none);
		assertThat(output.getOut().split("password: ", -1).length).as("printed only at creation")
			.isEqualTo(printedBefore);
	}

}
