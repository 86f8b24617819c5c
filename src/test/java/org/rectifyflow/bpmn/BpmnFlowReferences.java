package org.rectifyflow.bpmn;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Adds the {@code <bpmn:incoming>} and {@code <bpmn:outgoing>} references that a flow
 * node must list for its sequence flows, so that bpmnlint and Camunda Modeler see the
 * nodes as connected. The engine itself reads only {@code sourceRef}/{@code targetRef}.
 * <p>
 * The model API decides what each node must list; the file is edited as text, so that
 * everything else (layout, comments, attribute order, diagram interchange) stays byte for
 * byte as it was. A node that already lists exactly its flows is left untouched, which
 * makes the tool idempotent; references to flows that do not end or start at the node are
 * removed. New references follow the node's own layout: one per line for a node whose
 * children are on their own lines, inline otherwise.
 * <p>
 * Run it from the project directory after editing a model by hand: <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.rectifyflow.bpmn.BpmnFlowReferences
 * </pre> Without arguments it normalizes every {@code bpmn/*.bpmn}; with arguments, the
 * files named.
 */
public final class BpmnFlowReferences {

	private static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final Pattern PREFIX = Pattern
		.compile("xmlns:([A-Za-z_][\\w.-]*)=\"" + Pattern.quote(BPMN_NAMESPACE) + "\"");

	private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

	private BpmnFlowReferences() {
	}

	public static void main(String[] args) throws IOException {
		List<Path> files = new ArrayList<>();
		if (args.length == 0) {
			try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
				models.filter((path) -> path.toString().endsWith(".bpmn")).sorted().forEach(files::add);
			}
		}
		else {
			for (String arg : args) {
				files.add(Path.of(arg));
			}
		}
		for (Path file : files) {
			String before = Files.readString(file, StandardCharsets.UTF_8);
			String after = normalize(before);
			if (after.equals(before)) {
				System.out.println("unchanged " + file);
			}
			else {
				Files.writeString(file, after, StandardCharsets.UTF_8);
				System.out.println("normalized " + file);
			}
		}
	}

	/**
	 * Returns the model with every flow node listing exactly its incoming and outgoing
	 * sequence flows.
	 * @param xml the BPMN 2.0 XML
	 * @return the XML with the references added or corrected; {@code xml} itself when
	 * nothing was missing
	 * @throws IllegalStateException if the result does not read back as exactly connected
	 */
	public static String normalize(String xml) {
		BpmnModelInstance model = read(xml);
		Matcher prefixMatcher = PREFIX.matcher(xml);
		if (!prefixMatcher.find()) {
			throw new IllegalArgumentException("no prefix for the BPMN namespace");
		}
		String prefix = prefixMatcher.group(1);
		Map<String, Expected> expected = expectedReferences(model, xml);
		Map<String, String> types = new LinkedHashMap<>();
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			types.put(node.getId(), node.getElementType().getTypeName());
		}
		List<Edit> edits = new ArrayList<>();
		for (Map.Entry<String, String> node : types.entrySet()) {
			Edit edit = editFor(xml, prefix, node.getValue(), node.getKey(), expected.get(node.getKey()));
			if (edit != null) {
				edits.add(edit);
			}
		}
		edits.sort(Comparator.comparingInt(Edit::start).reversed());
		StringBuilder result = new StringBuilder(xml);
		for (Edit edit : edits) {
			result.replace(edit.start(), edit.end(), edit.replacement());
		}
		String normalized = result.toString();
		List<String> problems = problems(read(normalized));
		if (!problems.isEmpty()) {
			throw new IllegalStateException("still not connected: " + problems);
		}
		return normalized;
	}

	/**
	 * Lists every flow node whose {@code incoming}/{@code outgoing} references differ
	 * from the sequence flows that end or start at it (missing, extra or repeated).
	 * @param model the model
	 * @return one line per difference, empty when every node is exactly connected
	 */
	public static List<String> problems(BpmnModelInstance model) {
		Map<String, Expected> expected = expectedReferences(model, null);
		List<String> problems = new ArrayList<>();
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			Expected wanted = expected.get(node.getId());
			List<String> incoming = node.getIncoming().stream().map(BaseElement::getId).toList();
			List<String> outgoing = node.getOutgoing().stream().map(BaseElement::getId).toList();
			if (incoming.size() != wanted.incoming().size() || !Set.copyOf(incoming).equals(wanted.incoming())) {
				problems.add(node.getId() + " incoming " + incoming + ", flows " + wanted.incoming());
			}
			if (outgoing.size() != wanted.outgoing().size() || !Set.copyOf(outgoing).equals(wanted.outgoing())) {
				problems.add(node.getId() + " outgoing " + outgoing + ", flows " + wanted.outgoing());
			}
		}
		return problems;
	}

	private static BpmnModelInstance read(String xml) {
		return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The flows per node, in the order they appear in the file (so that the result does
	 * not depend on the model API's iteration order).
	 */
	private static Map<String, Expected> expectedReferences(BpmnModelInstance model, String xml) {
		Map<String, Expected> expected = new LinkedHashMap<>();
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			expected.put(node.getId(), new Expected(new LinkedHashSet<>(), new LinkedHashSet<>()));
		}
		List<SequenceFlow> flows = new ArrayList<>(model.getModelElementsByType(SequenceFlow.class));
		if (xml != null) {
			flows.sort(Comparator.comparingInt((flow) -> xml.indexOf("id=\"" + flow.getId() + "\"")));
		}
		for (SequenceFlow flow : flows) {
			expected.get(flow.getSource().getId()).outgoing().add(flow.getId());
			expected.get(flow.getTarget().getId()).incoming().add(flow.getId());
		}
		return expected;
	}

	private static Edit editFor(String xml, String prefix, String type, String id, Expected expected) {
		int start = findStartTag(xml, prefix + ":" + type, id);
		int tagEnd = endOfTag(xml, start);
		boolean selfClosing = xml.charAt(tagEnd - 2) == '/';
		List<String> incoming = new ArrayList<>();
		List<String> outgoing = new ArrayList<>();
		List<int[]> existing = new ArrayList<>();
		int insertAt = tagEnd;
		String indent = null;
		if (!selfClosing) {
			int position = tagEnd;
			while (true) {
				int child = skipWhitespace(xml, position);
				if (indent == null && child < xml.length() && xml.charAt(child) == '<' && child > position) {
					String whitespace = xml.substring(position, child);
					int newline = whitespace.lastIndexOf('\n');
					indent = (newline >= 0) ? whitespace.substring(newline + 1) : null;
				}
				String reference = referenceAt(xml, child, prefix);
				if (reference != null) {
					int end = xml.indexOf("</" + prefix + ":" + reference + ">", child) + reference.length()
							+ prefix.length() + 4;
					String flow = xml.substring(xml.indexOf('>', child) + 1, xml.indexOf('<', child + 1)).trim();
					("incoming".equals(reference) ? incoming : outgoing).add(flow);
					existing.add(new int[] { position, end });
					position = end;
				}
				else if (startsElement(xml, child, prefix + ":documentation")
						|| startsElement(xml, child, prefix + ":extensionElements")) {
					String name = prefix + ":" + elementName(xml, child, prefix);
					int childTagEnd = endOfTag(xml, child);
					position = (xml.charAt(childTagEnd - 2) == '/') ? childTagEnd
							: xml.indexOf("</" + name + ">", childTagEnd) + name.length() + 3;
					if (existing.isEmpty()) {
						insertAt = position;
					}
				}
				else {
					break;
				}
			}
		}
		List<String> wantedIncoming = ordered(incoming, expected.incoming());
		List<String> wantedOutgoing = ordered(outgoing, expected.outgoing());
		if (wantedIncoming.equals(incoming) && wantedOutgoing.equals(outgoing)) {
			return null;
		}
		StringBuilder references = new StringBuilder();
		for (String flow : wantedIncoming) {
			references.append(reference(prefix, "incoming", flow, indent));
		}
		for (String flow : wantedOutgoing) {
			references.append(reference(prefix, "outgoing", flow, indent));
		}
		if (selfClosing) {
			String openTag = xml.substring(start, tagEnd - 2).stripTrailing() + ">";
			return new Edit(start, tagEnd, openTag + references + "</" + prefix + ":" + type + ">");
		}
		int regionEnd = existing.isEmpty() ? insertAt : Math.max(insertAt, existing.get(existing.size() - 1)[1]);
		StringBuilder region = new StringBuilder(xml.substring(insertAt, regionEnd));
		for (int i = existing.size() - 1; i >= 0; i--) {
			int[] range = existing.get(i);
			if (range[0] >= insertAt) {
				region.delete(range[0] - insertAt, range[1] - insertAt);
			}
		}
		return new Edit(insertAt, regionEnd, references + region.toString());
	}

	/**
	 * The references the node keeps (those it lists that are its flows, in its order,
	 * once each) followed by those it misses, in file order.
	 */
	private static List<String> ordered(List<String> listed, Set<String> flows) {
		Set<String> result = new LinkedHashSet<>();
		for (String flow : listed) {
			if (flows.contains(flow)) {
				result.add(flow);
			}
		}
		result.addAll(flows);
		return List.copyOf(result);
	}

	private static String reference(String prefix, String kind, String flow, String indent) {
		String element = "<" + prefix + ":" + kind + ">" + flow + "</" + prefix + ":" + kind + ">";
		return (indent != null) ? "\n" + indent + element : element;
	}

	private static int findStartTag(String xml, String qualifiedName, String id) {
		String open = "<" + qualifiedName;
		int from = 0;
		while (true) {
			int start = xml.indexOf(open, from);
			if (start < 0) {
				throw new IllegalStateException("no element " + qualifiedName + " with id " + id);
			}
			char next = xml.charAt(start + open.length());
			if (Character.isWhitespace(next) || next == '>' || next == '/') {
				Matcher matcher = ID.matcher(xml.substring(start, endOfTag(xml, start)));
				if (matcher.find() && matcher.group(1).equals(id)) {
					return start;
				}
			}
			from = start + open.length();
		}
	}

	/** The index just after the {@code >} that ends the tag starting at {@code start}. */
	private static int endOfTag(String xml, int start) {
		char quote = 0;
		for (int i = start + 1; i < xml.length(); i++) {
			char c = xml.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '>') {
				return i + 1;
			}
		}
		throw new IllegalStateException("unterminated tag at " + start);
	}

	private static int skipWhitespace(String xml, int position) {
		int i = position;
		while (i < xml.length() && Character.isWhitespace(xml.charAt(i))) {
			i++;
		}
		return i;
	}

	private static String referenceAt(String xml, int position, String prefix) {
		for (String kind : List.of("incoming", "outgoing")) {
			if (xml.startsWith("<" + prefix + ":" + kind + ">", position)) {
				return kind;
			}
		}
		return null;
	}

	private static boolean startsElement(String xml, int position, String qualifiedName) {
		String open = "<" + qualifiedName;
		if (!xml.startsWith(open, position)) {
			return false;
		}
		char next = xml.charAt(position + open.length());
		return Character.isWhitespace(next) || next == '>' || next == '/';
	}

	private static String elementName(String xml, int position, String prefix) {
		int nameStart = position + prefix.length() + 2;
		int nameEnd = nameStart;
		while (Character.isLetterOrDigit(xml.charAt(nameEnd))) {
			nameEnd++;
		}
		return xml.substring(nameStart, nameEnd);
	}

	private record Expected(Set<String> incoming, Set<String> outgoing) {
	}

	private record Edit(int start, int end, String replacement) {
	}

}
