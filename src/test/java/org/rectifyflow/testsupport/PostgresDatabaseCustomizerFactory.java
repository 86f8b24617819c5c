package org.rectifyflow.testsupport;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives every {@link PostgresIntegrationTest} class a {@link PostgresDatabaseCustomizer}
 * keyed by the class, so that the class's database is part of Spring's context cache key.
 */
class PostgresDatabaseCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		PostgresIntegrationTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				PostgresIntegrationTest.class);
		if (annotation == null) {
			return null;
		}
		return new PostgresDatabaseCustomizer(outermost(testClass), annotation.jobExecution());
	}

	/**
	 * {@code @Nested} classes share their enclosing class's database.
	 */
	private static Class<?> outermost(Class<?> testClass) {
		Class<?> candidate = testClass;
		while (TestContextAnnotationUtils.searchEnclosingClass(candidate)) {
			candidate = candidate.getEnclosingClass();
		}
		return candidate;
	}

}
