package org.rectifyflow.attachment.web;

import org.rectifyflow.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * RFC 7807 answers of {@link AttachmentController} to the upload and request errors that
 * Spring raises before the controller runs; the controller's own refusals are
 * {@code kernel.Refusal}s, answered by the web layer.
 */
@RestControllerAdvice(assignableTypes = AttachmentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentErrors {

	@ExceptionHandler
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Attachment too large", "文件超过大小上限",
				"The file exceeds the size limit");
	}

	@ExceptionHandler
	ProblemDetail missingPart(MissingServletRequestPartException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Bad request", "缺少参数“" + ex.getRequestPartName() + "”",
				"Missing part '" + ex.getRequestPartName() + "'");
	}

	@ExceptionHandler
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Bad request", "缺少参数“" + ex.getParameterName() + "”",
				"Missing parameter '" + ex.getParameterName() + "'");
	}

	@ExceptionHandler
	ProblemDetail badArgument(MethodArgumentTypeMismatchException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Bad request", "参数“" + ex.getName() + "”格式不正确",
				"Invalid value for parameter '" + ex.getName() + "'");
	}

}
