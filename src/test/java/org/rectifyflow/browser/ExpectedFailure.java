package org.rectifyflow.browser;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A request to the application that may answer with an error status without it being a
 * defect: its method, the status, and a pattern for the path (without query).
 *
 * @param method HTTP method
 * @param status HTTP status
 * @param path regular expression matched against the whole path
 * @param reason why this failure is expected
 */
record ExpectedFailure(String method, int status, Pattern path, String reason) {

	static ExpectedFailure of(String method, int status, String pathRegex, String reason) {
		return new ExpectedFailure(method, status, Pattern.compile(pathRegex), reason);
	}

	boolean matches(String method, int status, String url) {
		return this.method.equalsIgnoreCase(method) && this.status == status && matchesUrl(url);
	}

	boolean matchesUrl(String url) {
		return this.path.matcher(URI.create(url).getPath()).matches();
	}

}
