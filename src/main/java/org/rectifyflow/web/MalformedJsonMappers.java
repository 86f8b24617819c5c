package org.rectifyflow.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import static org.rectifyflow.web.EngineErrorAnswers.body;

/**
 * The answers of {@code /engine-rest} to a body it cannot read: malformed JSON, JSON of
 * the wrong shape, or JSON beyond the parser's limits is a bad request with Camunda's
 * error body and a Chinese and English message, instead of the parser's plain text or a
 * server error.
 */
final class MalformedJsonMappers {

	static final String MALFORMED_ZH = "请求内容格式错误，无法解析。";

	private MalformedJsonMappers() {
	}

	/**
	 * Two mappers, because JAX-RS picks the mapper of the nearest exception type and
	 * Camunda registers its own for both {@link JsonParseException} and
	 * {@link JsonMappingException}.
	 */
	static Response malformedJson(JsonProcessingException exception, String kindEn) {
		return body(Response.Status.BAD_REQUEST, exception,
				MALFORMED_ZH + " / " + kindEn + ": " + exception.getOriginalMessage());
	}

	@Provider
	@Priority(1)
	static class JsonParseMapper implements ExceptionMapper<JsonParseException> {

		@Override
		public Response toResponse(JsonParseException exception) {
			return malformedJson(exception, "Malformed JSON");
		}

	}

	@Provider
	@Priority(1)
	static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {

		@Override
		public Response toResponse(JsonMappingException exception) {
			return malformedJson(exception, "Invalid JSON");
		}

	}

	/**
	 * JSON beyond the parser's limits (nesting depth, number or string length) is a bad
	 * request, not a server error.
	 */
	@Provider
	@Priority(1)
	static class ParserLimitMapper implements ExceptionMapper<StreamConstraintsException> {

		@Override
		public Response toResponse(StreamConstraintsException exception) {
			return body(Response.Status.BAD_REQUEST, exception,
					"请求内容超出解析限制（嵌套过深或内容过大）。 / " + exception.getOriginalMessage());
		}

	}

}
