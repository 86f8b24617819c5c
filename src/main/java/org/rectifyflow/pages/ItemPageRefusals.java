package org.rectifyflow.pages;

import java.security.Principal;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletResponse;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused read on an item page answers a Chinese page with the refusal's status (403,
 * 404, …), never JSON and never a stack trace. Every item page knows its reader and the
 * time it is printed.
 */
@ControllerAdvice(annotations = ItemPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ItemPageRefusals {

	private final PageText text;

	ItemPageRefusals(PageText text) {
		this.text = text;
	}

	@ModelAttribute("reader")
	String reader(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	@ModelAttribute("printedAt")
	String printedAt() {
		return this.text.dateTime(OffsetDateTime.now());
	}

	@ExceptionHandler(Refusal.class)
	ModelAndView refused(Refusal refusal, Principal principal, HttpServletResponse response) {
		return page(principal, Problems.status(refusal.getKind()), refusal.getMessageZh(), response);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badAddress(MethodArgumentTypeMismatchException ex, Principal principal, HttpServletResponse response) {
		return page(principal, HttpStatus.NOT_FOUND, "没有这个事项：地址中的编号无效。", response);
	}

	private ModelAndView page(Principal principal, HttpStatus status, String message, HttpServletResponse response) {
		response.setStatus(status.value());
		ModelAndView page = new ModelAndView("items/refused");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("title", switch (status) {
			case FORBIDDEN -> "无权查看";
			case NOT_FOUND -> "事项不存在";
			default -> "无法显示";
		});
		page.addObject("message", message);
		page.addObject("reader", reader(principal));
		page.addObject("printedAt", printedAt());
		return page;
	}

}
