package org.rectifyflow.browser;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The browser side of {@link BrowserTest}: skips the tests when Chromium is missing
 * (except on CI), starts one browser per JVM, gives each test a fresh {@link Web}, and
 * after each test fails it on unexpected console errors or failed requests, with a
 * screenshot of a failed test's last screen.
 */
class BrowserExtension implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	static final String SKIPPED = "browser tests skipped: " + Chromium.EXECUTABLE + " not found";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

	private static final double ASSERTION_TIMEOUT_MS = 15_000;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Chromium.installed()) {
			return ConditionEvaluationResult.enabled(Chromium.EXECUTABLE + " found");
		}
		if (Chromium.required()) {
			// Fails the test class at once, before its application context starts
			throw new IllegalStateException(
					"CI=true and " + Chromium.EXECUTABLE + " not found: the browser tests never skip on CI "
							+ "(apt-get install -y chromium fonts-noto-cjk, as .ci/run does)");
		}
		if (SKIP_REPORTED.compareAndSet(false, true)) {
			System.out.println("[browser] " + SKIPPED + " (apt-get install -y chromium fonts-noto-cjk; "
					+ "with CI=true a missing browser fails the build)");
		}
		return ConditionEvaluationResult.disabled(SKIPPED);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
		SharedBrowser shared = context.getRoot()
			.getStore(NAMESPACE)
			.getOrComputeIfAbsent(SharedBrowser.class, (key) -> SharedBrowser.start(), SharedBrowser.class);
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		context.getStore(NAMESPACE).put(Web.class, new Web(shared.browser(), "http://localhost:" + port));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Web web = context.getStore(NAMESPACE).remove(Web.class, Web.class);
		if (web == null) {
			return;
		}
		try {
			if (context.getExecutionException().isPresent()) {
				Screenshots.take(web.page(), "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getRequiredTestMethod().getName());
				return;
			}
			List<String> problems = web.problems().unexpected();
			if (!problems.isEmpty()) {
				throw new AssertionError("the browser saw unexpected console errors or failed requests:\n  "
						+ String.join("\n  ", problems));
			}
		}
		finally {
			web.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Web.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Web web = context.getStore(NAMESPACE).get(Web.class, Web.class);
		if (web == null) {
			throw new ParameterResolutionException("no browser for " + context.getDisplayName());
		}
		return web;
	}

}
