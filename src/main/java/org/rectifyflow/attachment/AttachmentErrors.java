package org.rectifyflow.attachment;

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
 * RFC 7807 answers of {@link AttachmentController}.
 */
@RestControllerAdvice(assignableTypes = AttachmentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentErrors {

	@ExceptionHandler
	ProblemDetail rejected(AttachmentRejectedException ex) {
		if (ex.getReason() == AttachmentRejectedException.Reason.TOO_LARGE) {
			return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Attachment too large", ex.getMessage(),
					english(ex.getReason()));
		}
		return Problems.of(HttpStatus.BAD_REQUEST, "Attachment rejected", ex.getMessage(), english(ex.getReason()));
	}

	@ExceptionHandler
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Attachment too large", "文件超过大小上限",
				"The file exceeds the size limit");
	}

	@ExceptionHandler
	ProblemDetail notFound(AttachmentNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "Attachment not found", "附件不存在", "No such attachment");
	}

	@ExceptionHandler
	ProblemDetail denied(AttachmentAccessDeniedException ex) {
		return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(),
				"You may not access the attachments of this item");
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

	private static String english(AttachmentRejectedException.Reason reason) {
		return switch (reason) {
			case INVALID_ITEM -> "Invalid item type or item id";
			case EMPTY -> "The file is empty";
			case TOO_LARGE -> "The file exceeds the size limit";
			case TYPE_NOT_ALLOWED -> "This file type or file name is not allowed";
			case CONTENT_MISMATCH -> "The content does not match the file name's extension";
		};
	}

}
