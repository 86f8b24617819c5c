package org.rectifyflow.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A scenario driven in headless Chromium against the whole application on a random port
 * (embedded default: in-memory H2, demo organisation, job executor off). Every class with
 * only this annotation shares one application context; the browser is started once per
 * JVM and each test gets a fresh browser context (cookies, storage) as a {@link Web}
 * parameter. After each test the console errors and failed requests seen by the browser
 * are checked ({@link PageProblems}). Without {@code /usr/bin/chromium} the tests are
 * skipped, unless {@code CI=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {

}
