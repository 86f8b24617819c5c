package org.rectifyflow.web;

import java.beans.PropertyEditorSupport;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text that contains a NUL character is refused where it enters: in JSON bodies (the JSON
 * parts of uploads too) and in request parameters. PostgreSQL cannot store it, nor even
 * compare with it, so it would otherwise end as a server error deep in a query.
 */
@ControllerAdvice(basePackages = "org.rectifyflow")
class TextInput {

	static final char NUL = '\u0000';

	/**
	 * Refuses NUL in every string of a request parameter or path variable: the binding
	 * fails, and the request is answered with 400.
	 * @param binder the binder of a request
	 */
	@InitBinder
	void refuseNulInParameters(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				if (text != null && text.indexOf(NUL) >= 0) {
					throw new IllegalArgumentException("text contains a NUL character");
				}
				setValue(text);
			}

		});
	}

	/**
	 * Refuses NUL in every string of a JSON body (Spring Boot adds this module to its
	 * object mapper).
	 * @return the module
	 */
	@Bean
	static Module nulFreeStrings() {
		SimpleModule module = new SimpleModule("nul-free-strings");
		module.addDeserializer(String.class, new NulFreeStringDeserializer());
		return module;
	}

	static class NulFreeStringDeserializer extends StdScalarDeserializer<String> {

		NulFreeStringDeserializer() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String value = StringDeserializer.instance.deserialize(parser, context);
			if (value != null && value.indexOf(NUL) >= 0) {
				throw InvalidFormatException.from(parser, "text contains a NUL character", value, String.class);
			}
			return value;
		}

	}

}
