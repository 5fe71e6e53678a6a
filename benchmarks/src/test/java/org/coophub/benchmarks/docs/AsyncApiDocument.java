package org.coophub.benchmarks.docs;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What {@code docs/asyncapi.yaml} (AsyncAPI 3.1) declares, in the terms of
 * {@link CodeFacts}: channels by topic, messages by CloudEvents type, operations by topic
 * and consumer group, the CloudEvents headers. References are followed within the
 * document only ({@code #/...}); the payload schemas it points to are checked by
 * cooperation-events' own tests.
 */
final class AsyncApiDocument {

	private static final String HEADERS = "CloudEventHeaders";

	private final JsonNode document;

	private AsyncApiDocument(JsonNode document) {
		this.document = document;
	}

	static AsyncApiDocument read(Path file) {
		return new AsyncApiDocument(new YAMLMapper().readTree(file.toFile()));
	}

	/** The types of each channel's messages, by the channel's address (the topic). */
	Map<String, Set<String>> typesByTopic() {
		Map<String, Set<String>> types = new TreeMap<>();
		for (Map.Entry<String, JsonNode> channel : this.document.path("channels").properties()) {
			Set<String> names = new LinkedHashSet<>();
			for (Map.Entry<String, JsonNode> message : channel.getValue().path("messages").properties()) {
				names.add(resolve(message.getValue()).path("name").asString());
			}
			types.put(channel.getValue().path("address").asString(), names);
		}
		return types;
	}

	/**
	 * The {@code ce_type} each message's headers pin, by the message's name: they must be
	 * the same type.
	 */
	Map<String, String> headerTypeByMessageName() {
		Map<String, String> types = new TreeMap<>();
		for (JsonNode message : this.document.path("components").path("messages")) {
			String pinned = null;
			for (JsonNode part : message.path("headers").path("allOf")) {
				JsonNode type = part.path("properties").path("ce_type").path("const");
				if (type.isString()) {
					pinned = type.asString();
				}
			}
			types.put(message.path("name").asString(), pinned);
		}
		return types;
	}

	/**
	 * The message types of each receive operation, by {@code group <- topic}; an
	 * operation that lists no messages receives all of its channel's.
	 */
	Map<String, Set<String>> receivedTypes() {
		Map<String, Set<String>> received = new TreeMap<>();
		for (JsonNode operation : this.document.path("operations")) {
			if (operation.path("action").asString().equals("receive")) {
				JsonNode groups = operation.path("bindings").path("kafka").path("groupId").path("enum");
				String group = (groups.size() == 1) ? groups.get(0).asString() : groups.toString();
				JsonNode messages = operation.path("messages");
				received.put(group + " <- " + topicOf(operation),
						messages.isEmpty() ? typesByTopic().get(topicOf(operation)) : typesOf(messages));
			}
		}
		return received;
	}

	/** The message types of the send operations, by topic. */
	Map<String, Set<String>> sentTypesByTopic() {
		Map<String, Set<String>> sent = new TreeMap<>();
		for (JsonNode operation : this.document.path("operations")) {
			if (operation.path("action").asString().equals("send")) {
				sent.computeIfAbsent(topicOf(operation), (topic) -> new TreeSet<>())
					.addAll(typesOf(operation.path("messages")));
			}
		}
		return sent;
	}

	/** The headers every message declares. */
	Set<String> headers() {
		Set<String> names = new TreeSet<>();
		this.document.path("components")
			.path("schemas")
			.path(HEADERS)
			.path("properties")
			.propertyNames()
			.forEach(names::add);
		return names;
	}

	/** The headers every message must carry. */
	Set<String> requiredHeaders() {
		Set<String> names = new TreeSet<>();
		for (JsonNode name : this.document.path("components").path("schemas").path(HEADERS).path("required")) {
			names.add(name.asString());
		}
		return names;
	}

	private Set<String> typesOf(JsonNode messages) {
		Set<String> types = new TreeSet<>();
		for (JsonNode message : messages) {
			types.add(resolve(message).path("name").asString());
		}
		return types;
	}

	private String topicOf(JsonNode operation) {
		return resolve(operation.path("channel")).path("address").asString();
	}

	/** Follows {@code $ref}s within the document until a node that is not one. */
	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		while (current.has("$ref")) {
			String ref = current.path("$ref").asString();
			if (!ref.startsWith("#/")) {
				throw new IllegalArgumentException("Not a reference within the document: " + ref);
			}
			JsonNode target = this.document;
			for (String part : ref.substring(2).split("/")) {
				target = target.path(part.replace("~1", "/").replace("~0", "~"));
			}
			if (target.isMissingNode()) {
				throw new AssertionError("docs/asyncapi.yaml: " + ref + " points nowhere");
			}
			current = target;
		}
		return current;
	}

}
