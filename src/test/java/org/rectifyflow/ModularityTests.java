package org.rectifyflow;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the capability packages honest: no cycles between them, no use of another
 * module's internals, and no dependency a module has not declared.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(RectifyFlowApplication.class);

	@Test
	void shouldKeepModuleBoundaries() {
		this.modules.verify();
	}

	@Test
	void shouldDeclareTheAllowedDependenciesOfEveryModule() {
		this.modules.forEach((module) -> {
			ApplicationModule declared = declaration(module.getBasePackage().getName());
			assertThat(declared).as("@ApplicationModule in %s/package-info.java", module.getBasePackage().getName())
				.isNotNull();
			assertThat(declared.allowedDependencies()).as("allowed dependencies of %s", module.getName())
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
			assertThat(Arrays.asList(declared.allowedDependencies()))
				.as("the features that read every other feature are not depended upon")
				.doesNotContain("dashboard", "export", "task");
		});
	}

	private static ApplicationModule declaration(String packageName) {
		try {
			return Class.forName(packageName + ".package-info").getAnnotation(ApplicationModule.class);
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

}
