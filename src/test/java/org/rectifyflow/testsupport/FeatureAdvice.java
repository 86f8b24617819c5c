package org.rectifyflow.testsupport;

import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Matches a controller advice of one feature: one that applies only to given controllers
 * or to controllers with a given annotation (a feature's own error answers, the item
 * pages' refusal page), not the project's advice for every controller.
 */
final class FeatureAdvice implements TypeFilter {

	@Override
	public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
		AnnotationMetadata type = reader.getAnnotationMetadata();
		var advice = type.getAnnotations().get(ControllerAdvice.class);
		if (!advice.isPresent()) {
			return false;
		}
		return advice.getClassArray("assignableTypes").length > 0 || advice.getClassArray("annotations").length > 0;
	}

}
