package org.rectifyflow.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart requests that cannot be parsed fail before a controller is chosen, so
 * {@link ApiExceptionHandler} (limited to the project's controllers) never sees them: a
 * file name with a NUL byte, a part header beyond the container's limit, a body without
 * parts. They are the client's fault: 400 or 413 with a message, never 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestParsingErrors {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException ex) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(ApiExceptionHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large", "上传的内容超过大小限制。",
					"Upload exceeds the size limit"));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> malformed(MultipartException ex) {
		return ResponseEntity.badRequest()
			.body(ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "Bad Request", "上传的内容格式错误（例如文件名无效），无法解析。",
					"Malformed multipart request"));
	}

}
