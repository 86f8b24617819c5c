package org.rectifyflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that {@link PostgresIntegrationTest} tests run on: one per JVM.
 * <p>
 * When the environment variable {@code TEST_DB_URL} is set (with {@code TEST_DB_USER} and
 * {@code TEST_DB_PASSWORD}), that server is used; otherwise an embedded PostgreSQL is
 * started on first use and stopped when the JVM exits. Each call to
 * {@link #createDatabase(Class)} creates a fresh, empty database, unless the given user
 * may not create databases: then every test class uses the given database as it is.
 * <p>
 * The server's version is printed once to standard output, so that the build log says
 * which PostgreSQL the tests ran on.
 */
public final class TestDatabaseServer {

	private static final Logger logger = LoggerFactory.getLogger(TestDatabaseServer.class);

	private static final String SQLSTATE_INSUFFICIENT_PRIVILEGE = "42501";

	private static final int MAX_IDENTIFIER_LENGTH = 63;

	private static TestDatabaseServer instance;

	private final EmbeddedPostgres embedded;

	private final String adminUrl;

	private final String user;

	private final String password;

	private final List<String> createdDatabases = new ArrayList<>();

	private boolean mayCreateDatabases = true;

	private TestDatabaseServer(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
		this.embedded = embedded;
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
	}

	/**
	 * Returns the server, starting the embedded one on first use.
	 * @return the server of this JVM
	 */
	public static synchronized TestDatabaseServer get() {
		if (instance == null) {
			instance = start();
			Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-database-server-stop"));
		}
		return instance;
	}

	private static TestDatabaseServer start() {
		String url = System.getenv("TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			TestDatabaseServer server = new TestDatabaseServer(null, url, System.getenv("TEST_DB_USER"),
					System.getenv("TEST_DB_PASSWORD"));
			server.announce("TEST_DB_URL " + url);
			return server;
		}
		try {
			EmbeddedPostgres embedded = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				// Test data need not survive a crash
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				// Statement statistics for the benchmark's profile of what a life sends
				.setServerConfig("shared_preload_libraries", "pg_stat_statements")
				.start();
			TestDatabaseServer server = new TestDatabaseServer(embedded, embedded.getJdbcUrl("postgres", "postgres"),
					"postgres", "postgres");
			server.announce("embedded, port " + embedded.getPort());
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
		}
	}

	private void announce(String where) {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("show server_version")) {
			result.next();
			System.out.println("[it-db] PostgreSQL " + result.getString(1) + " (" + where + ")");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not connect to the test database server at " + this.adminUrl, ex);
		}
	}

	/**
	 * Creates an empty database whose name is derived from the test class.
	 * @param testClass the test class that will use the database
	 * @return the new database, or the configured one if the user may not create
	 * databases
	 */
	public synchronized TestDatabase createDatabase(Class<?> testClass) {
		if (this.mayCreateDatabases) {
			String name = databaseName(testClass);
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("create database " + name);
				this.createdDatabases.add(name);
				logger.info("Created test database {} for {}", name, testClass.getName());
				return new TestDatabase(name, withDatabase(this.adminUrl, name), this.user, this.password);
			}
			catch (SQLException ex) {
				if (!SQLSTATE_INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState())) {
					throw new IllegalStateException("Could not create test database " + name, ex);
				}
				this.mayCreateDatabases = false;
				System.out.println("[it-db] " + this.user + " may not create databases: every test class uses "
						+ this.adminUrl + " as it is");
			}
		}
		return new TestDatabase(currentDatabase(), this.adminUrl, this.user, this.password);
	}

	/**
	 * Whether each test class gets a database of its own: {@code false} when the user of
	 * {@code TEST_DB_URL} may not create databases.
	 * @return whether {@link #createDatabase(Class)} creates databases
	 */
	public synchronized boolean createsDatabases() {
		return this.mayCreateDatabases;
	}

	static String databaseName(Class<?> testClass) {
		String base = "it_" + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
		String suffix = "_" + UUID.randomUUID().toString().substring(0, 8);
		return base.substring(0, Math.min(base.length(), MAX_IDENTIFIER_LENGTH - suffix.length())) + suffix;
	}

	/**
	 * Replaces the database in a JDBC URL such as
	 * {@code jdbc:postgresql://host:5432/db?ssl=false}.
	 */
	static String withDatabase(String jdbcUrl, String database) {
		int hostStart = jdbcUrl.indexOf("//");
		if (hostStart < 0) {
			throw new IllegalArgumentException("Not a jdbc:postgresql://host/database URL: " + jdbcUrl);
		}
		int pathStart = jdbcUrl.indexOf('/', hostStart + 2);
		int queryStart = jdbcUrl.indexOf('?', hostStart + 2);
		String query = (queryStart < 0) ? "" : jdbcUrl.substring(queryStart);
		String hostPart;
		if (pathStart >= 0 && (queryStart < 0 || pathStart < queryStart)) {
			hostPart = jdbcUrl.substring(0, pathStart);
		}
		else {
			hostPart = (queryStart < 0) ? jdbcUrl : jdbcUrl.substring(0, queryStart);
		}
		return hostPart + "/" + database + query;
	}

	private String currentDatabase() {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select current_database()")) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not connect to " + this.adminUrl, ex);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.adminUrl, this.user, this.password);
	}

	private synchronized void stop() {
		if (this.embedded != null) {
			try {
				this.embedded.close();
			}
			catch (IOException ex) {
				System.err.println("[it-db] Could not stop the embedded PostgreSQL server: " + ex);
			}
			return;
		}
		// A shared server keeps nothing behind; the application contexts are closed by
		// now
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String name : this.createdDatabases) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
		}
		catch (SQLException ex) {
			System.err.println("[it-db] Could not drop the test databases " + this.createdDatabases + ": " + ex);
		}
	}

}
