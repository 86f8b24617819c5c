package org.rectifyflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.servlet.Filter;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.annotation.AliasFor;

/**
 * A controller alone: Spring MVC with the project's error answers ({@code web}), Spring
 * Security's defaults and MockMvc, the controller's collaborators mocked by the test
 * ({@code @MockitoBean}). The project's servlet filters (CSRF for Camunda, rate limits,
 * database outages) and the web parts of single features (advice, interceptors) are left
 * out: the whole-application tests cover them; a slice of such a feature's controller
 * imports its advice ({@code @Import}). Cheaper than {@link RectifyFlowTest} for what a
 * controller itself decides: validation, who may call it, what it passes on and how it
 * answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = { @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Filter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = FeatureWebParts.class) })
public @interface WebSliceTest {

	/**
	 * @return the controllers under test
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
