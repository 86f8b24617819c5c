package org.rectifyflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Figures of one benchmark run: printed as a table and written to
 * {@code target/bench/results.json} together with a description of the machine.
 */
final class BenchResults {

	static final String HEADLINE = "headline";

	/**
	 * The figures the issue of performance sets goals for, as numbers: compared over
	 * runs.
	 */
	static final String GOALS = "goals";

	/**
	 * A directory that keeps every run's results ({@code -Dbench.history=...}), so that
	 * the goals can be reported over several runs (median and spread).
	 */
	static final String HISTORY = System.getProperty("bench.history", "");

	private final Map<String, Object> machine = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();

	BenchResults() {
		Runtime runtime = Runtime.getRuntime();
		this.machine.put("cpus", runtime.availableProcessors());
		this.machine.put("cpuModel", cpuModel());
		this.machine.put("memoryMb", memoryMb());
		this.machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		this.machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
	}

	void put(String section, String figure, Object value) {
		this.sections.computeIfAbsent(section, (s) -> new LinkedHashMap<>()).put(figure, value);
	}

	/**
	 * The figure's value, created by {@code initial} if there is none yet.
	 */
	Object get(String section, String figure, Supplier<Object> initial) {
		return this.sections.computeIfAbsent(section, (s) -> new LinkedHashMap<>())
			.computeIfAbsent(figure, (f) -> initial.get());
	}

	/**
	 * A figure with a goal, kept as a number so that runs can be compared.
	 * @param figure what is measured, with its goal in the name
	 * @param value the measured value
	 */
	void goal(String figure, double value) {
		put(GOALS, figure, value);
	}

	void machine(String key, Object value) {
		this.machine.put(key, value);
	}

	String table() {
		StringBuilder out = new StringBuilder("\n=== rectify-flow benchmark ===\nmachine: " + this.machine + "\n");
		Map<String, Map<String, Object>> ordered = new LinkedHashMap<>();
		// the figures a user feels first
		for (String first : List.of(HEADLINE, GOALS)) {
			if (this.sections.containsKey(first)) {
				ordered.put(first, this.sections.get(first));
			}
		}
		ordered.putAll(this.sections);
		ordered.forEach((section, figures) -> {
			out.append(String.format("%n[%s]%n", section));
			figures.forEach((name, value) -> out.append(String.format("  %-46s %s%n", name, format(value))));
		});
		return out.toString();
	}

	void write() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("machine", this.machine);
		json.put("results", this.sections);
		Path file = Paths.get("target", "bench", "results.json");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file,
					new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!HISTORY.isBlank()) {
			keep(file, Paths.get(HISTORY));
		}
	}

	/**
	 * Copies this run's results into the history directory and prints every goal over the
	 * runs kept there: the median, the lowest and the highest value.
	 */
	private static void keep(Path results, Path history) {
		try {
			Files.createDirectories(history);
			Files.copy(results, history.resolve("run-" + System.currentTimeMillis() + ".json"));
			ObjectMapper json = new ObjectMapper();
			Map<String, List<Double>> runs = new TreeMap<>();
			List<Path> files;
			try (Stream<Path> listing = Files.list(history)) {
				files = listing.filter((f) -> f.getFileName().toString().endsWith(".json")).sorted().toList();
			}
			for (Path file : files) {
				json.readTree(file.toFile())
					.path("results")
					.path(GOALS)
					.fields()
					.forEachRemaining((figure) -> runs.computeIfAbsent(figure.getKey(), (k) -> new ArrayList<>())
						.add(figure.getValue().asDouble()));
			}
			StringBuilder out = new StringBuilder(
					String.format("%n=== goals over the runs in %s (%d runs) ===%n%-80s %8s %8s %8s %3s%n", history,
							files.size(), "figure", "median", "lowest", "highest", "n"));
			runs.forEach((figure, values) -> {
				List<Double> sorted = values.stream().sorted().toList();
				out.append(String.format("%-80s %8.2f %8.2f %8.2f %3d%n", figure, median(sorted), sorted.get(0),
						sorted.get(sorted.size() - 1), sorted.size()));
			});
			System.out.println(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The median of sorted values. */
	static double median(List<Double> sorted) {
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static Map<String, Object> percentiles(List<Long> samples) {
		List<Long> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("n", sorted.size());
		if (!sorted.isEmpty()) {
			result.put("p50", sorted.get((int) Math.floor(0.50 * (sorted.size() - 1))));
			result.put("p99", sorted.get((int) Math.floor(0.99 * (sorted.size() - 1))));
			result.put("max", sorted.get(sorted.size() - 1));
		}
		return result;
	}

	private static String format(Object value) {
		if (value instanceof Double number) {
			return String.format("%.2f", number);
		}
		return String.valueOf(value);
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Paths.get("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static long memoryMb() {
		try {
			return Files.readAllLines(Paths.get("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
				.findFirst()
				.orElse(-1L);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
