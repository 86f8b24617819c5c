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
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Figures of one benchmark run: printed as a table and written to
 * {@code target/bench/results.json} together with a description of the machine.
 */
final class BenchResults {

	static final String HEADLINE = "headline";

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

	void machine(String key, Object value) {
		this.machine.put(key, value);
	}

	String table() {
		StringBuilder out = new StringBuilder("\n=== rectify-flow benchmark ===\nmachine: " + this.machine + "\n");
		Map<String, Map<String, Object>> ordered = new LinkedHashMap<>();
		// the figures a user feels first
		if (this.sections.containsKey(HEADLINE)) {
			ordered.put(HEADLINE, this.sections.get(HEADLINE));
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
