package org.rectifyflow.testsupport;

import java.util.List;

import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Matches the web parts of one feature, which a slice of another controller does not
 * need: a controller advice that applies only to given controllers or to controllers with
 * a given annotation (a feature's own error answers, the item pages' refusal page), and a
 * feature's interceptors and MVC configuration (e.g. the check that a campaign in an
 * address exists). The project's own web parts (package {@code web}) stay.
 */
final class FeatureWebParts implements TypeFilter {

	private static final List<String> MVC_PARTS = List.of(WebMvcConfigurer.class.getName(),
			HandlerInterceptor.class.getName());

	@Override
	public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
		AnnotationMetadata type = reader.getAnnotationMetadata();
		if (type.getClassName().startsWith("org.rectifyflow.web.")) {
			return false;
		}
		var advice = type.getAnnotations().get(ControllerAdvice.class);
		if (advice.isPresent()) {
			return advice.getClassArray("assignableTypes").length > 0 || advice.getClassArray("annotations").length > 0;
		}
		return List.of(type.getInterfaceNames()).stream().anyMatch(MVC_PARTS::contains);
	}

}
