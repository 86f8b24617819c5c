package org.rectifyflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.rectifyflow.testsupport.TestAdmin;
import org.rectifyflow.testsupport.TestDatabase;

/**
 * One application node: the packaged jar ({@code target/rectify-flow-*.jar}, built in the
 * {@code package} phase before Failsafe runs) started as a separate JVM with the
 * {@code postgres} profile on a given database, so that a test can kill it like a crash
 * ({@link #kill()}). Its output goes to {@code target/cluster/<name>.log}.
 */
final class ClusterNode implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private ClusterNode(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a node; it is ready once {@link #awaitHealthy(Duration)} returns.
	 * @param name the node's name, also its Camunda host name (ACT_HI_JOB_LOG.HOSTNAME_)
	 * @param database the database every node shares
	 * @param heapMb the maximum heap
	 * @param properties further Spring properties
	 * @return the started process
	 */
	static ClusterNode start(String name, TestDatabase database, int heapMb, Map<String, String> properties) {
		return start(name, database, heapMb, properties, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
	}

	/**
	 * Starts a node with the given JVM flags (benchmarks: the JVM's defaults, full JIT).
	 * @param name the node's name, also its Camunda host name
	 * @param database the database every node shares
	 * @param heapMb the maximum heap
	 * @param properties further Spring properties
	 * @param jvmFlags JVM flags besides the heap size
	 * @return the started process
	 */
	static ClusterNode start(String name, TestDatabase database, int heapMb, Map<String, String> properties,
			List<String> jvmFlags) {
		int port = freePort();
		Path dir = Paths.get("target", "cluster", name).toAbsolutePath();
		try {
			Files.createDirectories(dir);
			Path log = dir.resolveSibling(name + ".log");
			List<String> command = new ArrayList<>();
			command.add(javaBinary());
			command.add("-Xmx" + heapMb + "m");
			command.addAll(jvmFlags);
			command.addAll(List.of("-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-jar", jar().toString(),
					"--spring.profiles.active=postgres", "--server.port=" + port, "--rectify.data-dir=" + dir,
					"--rectify.admin.user=" + TestAdmin.USER, "--rectify.admin.password=" + TestAdmin.PASSWORD,
					"--rectify.clue.encryption-key=" + TestAdmin.CLUE_KEY,
					"--camunda.bpm.generic-properties.properties.hostname=" + name));
			properties.forEach((key, value) -> command.add("--" + key + "=" + value));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("DB_URL", database.jdbcUrl());
			builder.environment().put("DB_USER", database.user());
			// a server with trust authentication needs no password
			builder.environment().put("DB_PASSWORD", Objects.requireNonNullElse(database.password(), ""));
			return new ClusterNode(name, port, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start node " + name, ex);
		}
	}

	/**
	 * Waits until the node answers {@code /actuator/health} with UP.
	 * @param timeout how long to wait
	 * @return this node
	 */
	ClusterNode awaitHealthy(Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Node " + this.name + " exited with " + this.process.exitValue()
						+ "; last lines of " + this.log + ":\n" + tail());
			}
			try {
				HttpResponse<String> health = HTTP.send(
						HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(500);
		}
		throw new IllegalStateException("Node " + this.name + " not healthy after " + timeout + ":\n" + tail());
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Sends a request with HTTP Basic as the test administrator.
	 * @param method the HTTP method
	 * @param path the path
	 * @param json the JSON body, or {@code null}
	 * @return the response
	 */
	HttpResponse<String> asAdmin(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", basic(TestAdmin.USER, TestAdmin.PASSWORD))
			.header("Content-Type", "application/json")
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
	 * The resident set size of the node's JVM, from {@code /proc} (Linux).
	 * @return the RSS in kilobytes, or -1 where {@code /proc} is not available
	 */
	long rssKb() {
		try {
			for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return -1;
	}

	/**
	 * Kills the JVM at once (SIGKILL): no shutdown hook, no clean job executor stop, open
	 * transactions lost, locks left in the database.
	 */
	void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			waitFor();
		}
	}

	private void waitFor() {
		try {
			if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException | RuntimeException ex) {
			return "(no log: " + ex + ")";
		}
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path jar() throws IOException {
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(Paths.get("target"), "rectify-flow-*.jar")) {
			for (Path jar : jars) {
				return jar.toAbsolutePath();
			}
		}
		throw new IllegalStateException("No target/rectify-flow-*.jar: run the tests with ./mvnw verify (package "
				+ "builds the jar before the integration tests)");
	}

	private static String javaBinary() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
