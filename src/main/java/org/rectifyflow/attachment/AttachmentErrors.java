package org.rectifyflow.attachment;

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
			return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Attachment too large", ex.getMessage());
		}
		return problem(HttpStatus.BAD_REQUEST, "Attachment rejected", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Attachment too large", "文件超过大小上限");
	}

	@ExceptionHandler
	ProblemDetail notFound(AttachmentNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Attachment not found", "附件不存在");
	}

	@ExceptionHandler
	ProblemDetail denied(AttachmentAccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail missingPart(MissingServletRequestPartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", "缺少参数“" + ex.getRequestPartName() + "”");
	}

	@ExceptionHandler
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", "缺少参数“" + ex.getParameterName() + "”");
	}

	@ExceptionHandler
	ProblemDetail badArgument(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", "参数“" + ex.getName() + "”格式不正确");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
