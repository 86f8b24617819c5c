package org.rectifyflow.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.rectifyflow.kernel.Refusal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every {@code /api} error is an RFC 7807 problem detail: {@code title} in English,
 * {@code detail} in Chinese (with the English after a slash), and for validation errors
 * the offending fields. Engine errors that are the caller's become 403/404/409, never
 * 500.
 */
@RestControllerAdvice(basePackages = "org.rectifyflow")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	static ProblemDetail problem(HttpStatusCode status, String title, String detailZh, String detailEn) {
		return Problems.of(status, title, detailZh, detailEn);
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<Object> handleApi(Refusal ex) {
		HttpStatus status = Problems.status(ex.getKind());
		return ResponseEntity.status(status)
			.body(problem(status, status.getReasonPhrase(), ex.getMessageZh(), ex.getMessageEn()));
	}

	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<Object> handleForbidden(AuthorizationException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(problem(HttpStatus.FORBIDDEN, "Forbidden", EngineErrorAnswers.FORBIDDEN_ZH,
					"You are not authorized to perform this action"));
	}

	@ExceptionHandler(TaskAlreadyClaimedException.class)
	ResponseEntity<Object> handleClaimed(TaskAlreadyClaimedException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(HttpStatus.CONFLICT, "Conflict", EngineErrorAnswers.CLAIMED_ZH, ex.getMessage()));
	}

	@ExceptionHandler(OptimisticLockingException.class)
	ResponseEntity<Object> handleConcurrent(OptimisticLockingException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(HttpStatus.CONFLICT, "Conflict", EngineErrorAnswers.CONCURRENT_ZH,
					"The item was changed concurrently"));
	}

	@ExceptionHandler({ NotFoundException.class, NullValueException.class })
	ResponseEntity<Object> handleEngineNotFound(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, "Not Found", "未找到该事项，或已被处理。", ex.getMessage()));
	}

	@ExceptionHandler(BadUserRequestException.class)
	ResponseEntity<Object> handleBadUserRequest(BadUserRequestException ex) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Bad Request", "请求无效：" + ex.getMessage(), ex.getMessage()));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad Request", "提交的数据不符合要求，请检查后重试。",
				"Validation failed");
		problem.setProperty("errors",
				ex.getConstraintViolations()
					.stream()
					.map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
					.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Bad Request", "参数「" + ex.getName() + "」的值无效。",
					"Invalid value for parameter '" + ex.getName() + "'"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad Request", "提交的数据不符合要求，请检查后重试。",
				"Validation failed");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad Request", "提交的数据不符合要求，请检查后重试。",
				"Validation failed");
		problem.setProperty("errors",
				ex.getAllErrors().stream().map(e -> String.valueOf(e.getDefaultMessage())).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Bad Request", "请求内容格式错误，无法解析。", "Malformed request body"));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Bad Request", "缺少必填参数「" + ex.getParameterName() + "」。",
					"Missing parameter '" + ex.getParameterName() + "'"));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large", "上传的内容超过大小限制。",
					"Upload exceeds the size limit"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", "不支持的内容类型。",
					"Unsupported content type"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.body(problem(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed", "不支持该请求方法。", "Method not allowed"));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, "Not Found", "请求的地址不存在。", "No such resource"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null) {
			body = problem(statusCode, HttpStatus.valueOf(statusCode.value()).getReasonPhrase(), "请求无法处理。",
					String.valueOf(ex.getMessage()));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex) {
		if (DatabaseUnavailable.isCause(ex)) {
			log.warn("Database unavailable during an API request: {}", ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
				.body(DatabaseUnavailable.problem());
		}
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (EngineErrorAnswers.isConcurrencyAbort(cause)) {
				return ResponseEntity.status(HttpStatus.CONFLICT)
					.body(problem(HttpStatus.CONFLICT, "Conflict", EngineErrorAnswers.CONCURRENT_ZH,
							"The item was changed concurrently"));
			}
		}
		SQLException data = EngineErrorAnswers.dataException(ex);
		if (data != null) {
			// a value of the request that no check caught and the database refused
			log.warn("Database refused a value of an API request (SQLSTATE {}): {}", data.getSQLState(),
					data.getMessage());
			return ResponseEntity.badRequest()
				.body(problem(HttpStatus.BAD_REQUEST, "Bad Request", EngineErrorAnswers.DATA_ZH,
						"The database cannot store a value of the request"));
		}
		log.error("Unexpected error in API request", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error", "系统内部错误，请稍后重试或联系管理员。",
					"Internal error"));
	}

}
