package org.rectifyflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Starts the whole application with the {@code postgres} profile on a real PostgreSQL
 * server, listening on a random port.
 * <p>
 * Every test class gets a database of its own, created empty when its application context
 * starts: Flyway and the Camunda engine build the schema as they would in production. The
 * server is an embedded PostgreSQL started once per JVM, or the server named by the
 * environment variables {@code TEST_DB_URL}, {@code TEST_DB_USER} and
 * {@code TEST_DB_PASSWORD}.
 * <p>
 * The job executor is off unless {@link #jobExecution()} says otherwise; the admin user's
 * password is {@link TestAdmin#PASSWORD}. More properties can be set with
 * {@code @TestPropertySource(properties = ...)} on the test class.
 * <p>
 * The context is closed after the test class: it is tied to the class's database and no
 * other class could reuse it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "rectify.admin.user=" + TestAdmin.USER, "rectify.admin.password=" + TestAdmin.PASSWORD,
				// the postgres profile requires a key for reporters' identities (problem
				// clues)
				"rectify.clue.encryption-key=" + TestAdmin.CLUE_KEY })
@ActiveProfiles("postgres")
@ContextCustomizerFactories(PostgresDatabaseCustomizerFactory.class)
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
public @interface PostgresIntegrationTest {

	/**
	 * Whether the Camunda job executor runs. Off by default so that timers and
	 * asynchronous continuations run only when a test executes them.
	 * @return {@code true} to start the job executor
	 */
	boolean jobExecution() default false;

}
