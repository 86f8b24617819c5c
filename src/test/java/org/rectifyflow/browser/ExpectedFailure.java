package org.rectifyflow.browser;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A request to the application that may answer with an error status without it being a
 * defect: its method, the status, a pattern for the path, and optionally one for the
 * query string.
 *
 * @param method HTTP method
 * @param status HTTP status
 * @param path regular expression matched against the whole path
 * @param query regular expression matched against the whole query string, or {@code null}
 * for any
 * @param reason why this failure is expected
 */
record ExpectedFailure(String method, int status, Pattern path, Pattern query, String reason) {

	static ExpectedFailure of(String method, int status, String pathRegex, String reason) {
		return new ExpectedFailure(method, status, Pattern.compile(pathRegex), null, reason);
	}

	static ExpectedFailure of(String method, int status, String pathRegex, String queryRegex, String reason) {
		return new ExpectedFailure(method, status, Pattern.compile(pathRegex), Pattern.compile(queryRegex), reason);
	}

	boolean matches(String method, int status, String url) {
		return this.method.equalsIgnoreCase(method) && this.status == status && matchesUrl(url);
	}

	boolean matchesUrl(String url) {
		URI uri = URI.create(url);
		return this.path.matcher(uri.getPath()).matches()
				&& (this.query == null || this.query.matcher(String.valueOf(uri.getRawQuery())).matches());
	}

}
