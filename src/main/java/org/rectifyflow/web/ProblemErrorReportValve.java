package org.rectifyflow.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat refuses before any servlet sees them (a request line or header
 * beyond the size limit, an encoded slash or NUL in the path) are answered by the host's
 * error report valve. Tomcat's own writes an English HTML page; this one writes the
 * problem detail of every other API error, in Chinese and English, with the
 * {@code message} that Camunda's clients read.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		String[] message = BilingualErrorAttributes.messages(status);
		String detail = message[0] + " / " + message[1];
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + message[1] + "\",\"status\":" + status
						+ ",\"detail\":\"" + detail + "\",\"messageZh\":\"" + message[0] + "\",\"messageEn\":\""
						+ message[1] + "\",\"message\":\"" + detail + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone: nothing more can be said
		}
	}

	/**
	 * Puts the valve in place of Tomcat's (and Spring Boot's) error report valve.
	 */
	@Component
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.getPipeline().addValve(new ProblemErrorReportValve());
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			// after Spring Boot's customizer, which adds its own error report valve
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
