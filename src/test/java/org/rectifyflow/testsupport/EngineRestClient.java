package org.rectifyflow.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Calls the running application over HTTP as a demo user (password {@code demo}) with
 * HTTP Basic, the way an insider with a script would.
 */
public final class EngineRestClient {

	public static final String DEMO_PASSWORD = "demo";

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final int port;

	public EngineRestClient(int port) {
		this.port = port;
	}

	/**
	 * @param method the HTTP method
	 * @param path the path with query
	 * @param user the demo user, or {@code null} for an anonymous call
	 * @param json a JSON body, or {@code null}
	 * @return the response
	 */
	public HttpResponse<String> send(String method, String path, String user, String json) {
		return send(method, path, user, DEMO_PASSWORD, json, Map.of());
	}

	/**
	 * @param method the HTTP method
	 * @param path the path with query
	 * @param user the user, or {@code null} for an anonymous call
	 * @param password the user's password
	 * @param json a JSON body, or {@code null}
	 * @param headers further request headers
	 * @return the response
	 */
	public HttpResponse<String> send(String method, String path, String user, String password, String json,
			Map<String, String> headers) {
		HttpRequest.Builder request = request(path).header("Accept", "application/json");
		if (user != null) {
			request.header("Authorization", basic(user, password));
		}
		headers.forEach(request::header);
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return send(request.build());
	}

	/**
	 * @param path the path with query
	 * @return a request builder for the application's address
	 */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	/**
	 * @param request a request
	 * @return its response, body as text
	 */
	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param user the user
	 * @param password the password
	 * @return the HTTP Basic authorization header value
	 */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
