package org.rectifyflow;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the capability packages honest: no cycles between them and no use of another
 * module's internals.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(RectifyFlowApplication.class);

	@Test
	void shouldKeepModuleBoundaries() {
		this.modules.verify();
	}

}
