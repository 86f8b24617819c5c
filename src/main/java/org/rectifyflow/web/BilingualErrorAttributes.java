package org.rectifyflow.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors that no controller answers (a request refused by the security firewall, a
 * content type no endpoint accepts, an unknown address) reach Spring Boot's
 * {@code /error}: its answer gets the same Chinese and English message as every other API
 * error ({@code title}, {@code detail}, {@code messageZh}, {@code messageEn}).
 */
@Component
class BilingualErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
		Object status = attributes.get("status");
		String[] message = messages((status instanceof Integer code) ? code : 500);
		attributes.put("title", attributes.getOrDefault("error", "Error"));
		attributes.put("detail", message[0] + " / " + message[1]);
		attributes.put("messageZh", message[0]);
		attributes.put("messageEn", message[1]);
		return attributes;
	}

	/**
	 * @param status an HTTP error status
	 * @return the Chinese and the English message for it
	 */
	static String[] messages(int status) {
		return switch (status) {
			case 400 -> new String[] { "请求无效，无法处理（例如地址或参数中含有不允许的字符）。", "Bad request" };
			case 401 -> new String[] { "请先登录。", "Authentication required" };
			case 403 -> new String[] { "您没有执行此操作的权限。", "Forbidden" };
			case 404 -> new String[] { "请求的地址不存在。", "No such resource" };
			case 405 -> new String[] { "不支持该请求方法。", "Method not allowed" };
			case 406 -> new String[] { "无法提供所要求的内容格式。", "Not acceptable" };
			case 413 -> new String[] { "提交的内容过大。", "Request too large" };
			case 414 -> new String[] { "请求地址过长。", "URI too long" };
			case 415 -> new String[] { "不支持的内容类型。", "Unsupported content type" };
			case 429 -> new String[] { "请求过于频繁，请稍后再试。", "Too many requests" };
			case 431 -> new String[] { "请求头过大。", "Request header fields too large" };
			case 503 -> new String[] { DatabaseUnavailable.MESSAGE_ZH, DatabaseUnavailable.MESSAGE_EN };
			default -> (status < 500) ? new String[] { "请求无法处理。", "The request cannot be processed" }
					: new String[] { "系统内部错误，请稍后重试或联系管理员。", "Internal error" };
		};
	}

}
