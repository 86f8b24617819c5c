package org.rectifyflow.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads item pages as a browser would (Accept: text/html), as a demo user, without
 * following redirects.
 */
public final class PageClient {

	/** A date as the pages write it: {@code 2027年1月15日 18:00}. */
	public static final Pattern CHINESE_DATE_TIME = Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final int port;

	public PageClient(int port) {
		this.port = port;
	}

	/**
	 * @param path the page
	 * @param user a demo user (password {@code demo})
	 * @return the answer
	 */
	public HttpResponse<String> get(String path, String user) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", basic(user))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.GET()
			.build());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param path an API address
	 * @param user a demo user (password {@code demo})
	 * @param json the body
	 * @return the answer
	 */
	public HttpResponse<String> post(String path, String user, String json) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", basic(user))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * @param path the page
	 * @param user a demo user
	 * @return the page's HTML, asserting 200 and an HTML answer
	 */
	public String page(String path, String user) {
		HttpResponse<String> response = get(path, user);
		assertThat(response.statusCode()).as(user + " GET " + path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		return response.body();
	}

	/**
	 * @param path the page
	 * @param user a demo user
	 * @param status the status expected (403, 404)
	 * @return the refusal page's HTML, asserting a Chinese HTML page, not JSON and not a
	 * stack trace
	 */
	public String refused(String path, String user, int status) {
		HttpResponse<String> response = get(path, user);
		assertThat(response.statusCode()).as(user + " GET " + path).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(user + " GET " + path)
			.startsWith("text/html");
		assertThat(response.body()).contains("id=\"refusal\"").doesNotContain("Exception").doesNotContain("\"status\"");
		return response.body();
	}

}
