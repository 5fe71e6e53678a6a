package org.coophub.benchmarks.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventTypes;
import org.coophub.events.Topics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.coophub.platform.messaging.CloudEventSender;
import org.coophub.platform.tracing.TraceParent;
import org.coophub.platform.outbox.OutboxEntry;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * What the code says about the events, read where the code keeps it: the event registry
 * ({@link EventTypes#ALL}, type and topic of each record), the Kafka headers
 * {@link CloudEventSender} writes, each service's Spring Cloud Stream consumer bindings
 * ({@code spring.cloud.stream.bindings.*-in-0} in its {@code application.yml}), the event
 * records its main code constructs (what it publishes) and the event records its
 * {@code EventRouter} routes have handlers for ({@code .on(SomeEvent.class, ...)}).
 */
final class CodeFacts {

	/** Where a service constructs an event record: it publishes that record's topic. */
	private static final Pattern CONSTRUCTED = Pattern.compile("new\\s+(\\w+)\\s*\\(");

	/** A handler of an {@code EventRouter} route. */
	private static final Pattern HANDLED = Pattern.compile("\\.on\\(\\s*(\\w+)\\.class");

	/** The CloudEvents Kafka binding's header for {@code datacontenttype}. */
	private static final String CONTENT_TYPE = "content-type";

	private static final YAMLMapper YAML = new YAMLMapper();

	private final Path root;

	private final Map<String, String> topicByType = new LinkedHashMap<>();

	private final Map<String, String> typeBySimpleName = new LinkedHashMap<>();

	private final Map<String, Service> services = new TreeMap<>();

	private CodeFacts(Path root) {
		this.root = root;
		for (Class<? extends DomainEvent> event : EventTypes.ALL) {
			this.topicByType.put(EventTypes.typeOf(event), EventTypes.topicOf(event));
			this.typeBySimpleName.put(event.getSimpleName(), EventTypes.typeOf(event));
		}
	}

	/**
	 * Reads the facts of the checkout this test runs in (the module's parent folder).
	 */
	static CodeFacts ofThisCheckout() throws IOException {
		Path root = Path.of("").toAbsolutePath().getParent();
		if (!Files.isRegularFile(root.resolve("docs/asyncapi.yaml"))) {
			throw new IllegalStateException("Not run from a module of the checkout: " + root);
		}
		CodeFacts facts = new CodeFacts(root);
		try (Stream<Path> modules = Files.list(root)) {
			for (Path module : modules.filter((path) -> path.getFileName().toString().endsWith("-service"))
				.filter((path) -> Files.isRegularFile(path.resolve("src/main/resources/application.yml")))
				.toList()) {
				facts.services.put(module.getFileName().toString(), facts.serviceIn(module));
			}
		}
		return facts;
	}

	Path root() {
		return this.root;
	}

	/** Every event type, in the registry's order, with its topic. */
	Map<String, String> topicByType() {
		return this.topicByType;
	}

	/** Every topic: the declared ones and those of the registry. */
	Set<String> topics() {
		Set<String> topics = new TreeSet<>(Topics.ALL);
		topics.addAll(this.topicByType.values());
		return topics;
	}

	Set<String> typesOn(String topic) {
		return this.topicByType.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(topic))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** The services (modules named {@code *-service}), by name. */
	Map<String, Service> services() {
		return this.services;
	}

	/** The services that publish on a topic. */
	Set<String> producersOf(String topic) {
		return this.services.values()
			.stream()
			.filter((service) -> service.publishes().contains(topic))
			.map(Service::name)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** The services with a consumer binding on a topic. */
	Set<String> consumersOf(String topic) {
		return this.services.values()
			.stream()
			.filter((service) -> service.consumes().containsKey(topic))
			.map(Service::name)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * The CloudEvents headers of an event sent by {@link CloudEventSender}: of what it
	 * hands to the binder, the attributes ({@code ce_*}) and the data's content type
	 * ({@code content-type}), as the CloudEvents Kafka binding names them. Spring's
	 * bookkeeping beside them ({@code id}, {@code timestamp}, {@code message-type},
	 * {@code kafka_messageKey}, which becomes the record key) is not the contract.
	 * @param actor who caused the event, or null for the system's own work
	 */
	static Set<String> headersWritten(String actor, boolean traced) {
		StreamBridge bridge = mock(StreamBridge.class);
		given(bridge.send(anyString(), any())).willReturn(true);
		OutboxEntry entry = new OutboxEntry("5b0f2a52-7a1e-4c8a-9d55-1f0c2f2e8a10", "org.coophub.agreement.created.v1",
				Topics.AGREEMENT_EVENTS, "agreement-1", "agreement-1", Instant.parse("2026-05-20T01:00:00Z"), "{}",
				actor);
		CloudEventSender sender = new CloudEventSender(bridge, "agreement-service");
		if (traced) {
			// as the relay sends an entry written during a traced request
			SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
					TraceFlags.getSampled(), TraceState.getDefault());
			try (Scope scope = Context.root().with(Span.wrap(span)).makeCurrent()) {
				sender.send(entry);
			}
		}
		else {
			sender.send(entry);
		}
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Message<?>> sent = ArgumentCaptor.forClass(Message.class);
		verify(bridge).send(anyString(), sent.capture());
		return sent.getValue()
			.getHeaders()
			.keySet()
			.stream()
			.filter((name) -> name.startsWith(CloudEventMessageUtils.KAFKA_ATTR_PREFIX) || name.equals(CONTENT_TYPE)
					|| name.equals(TraceParent.HEADER))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private Service serviceIn(Path module) throws IOException {
		String name = module.getFileName().toString();
		JsonNode config;
		try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
			.readValues(module.resolve("src/main/resources/application.yml").toFile())) {
			// the first document is the default profile's: the bindings and the port are
			// there
			config = documents.next();
		}
		Map<String, String> groupByTopic = new TreeMap<>();
		JsonNode bindings = config.path("spring").path("cloud").path("stream").path("bindings");
		for (Map.Entry<String, JsonNode> binding : bindings.properties()) {
			if (binding.getKey().matches(".*-in-\\d+")) {
				groupByTopic.put(binding.getValue().path("destination").asString(),
						binding.getValue().path("group").asString());
			}
		}
		Set<String> published = new TreeSet<>();
		Set<String> handled = new LinkedHashSet<>();
		for (String source : mainSources(module)) {
			matches(CONSTRUCTED, source).stream()
				.map(this.typeBySimpleName::get)
				.filter((type) -> type != null)
				.forEach((type) -> published.add(this.topicByType.get(type)));
			matches(HANDLED, source).stream()
				.map(this.typeBySimpleName::get)
				.filter((type) -> type != null)
				.forEach(handled::add);
		}
		int port = config.path("server").path("port").asInt();
		return new Service(name, port, published, groupByTopic, handled);
	}

	private static List<String> mainSources(Path module) throws IOException {
		try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
			return files.filter((file) -> file.toString().endsWith(".java")).map((file) -> {
				try {
					return Files.readString(file, StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
		}
	}

	private static List<String> matches(Pattern pattern, String source) {
		Matcher matcher = pattern.matcher(source);
		return matcher.results().map((result) -> result.group(1)).toList();
	}

	/**
	 * One service as the code has it.
	 *
	 * @param name the module's name, also its consumer group and {@code ce_source}
	 * @param port {@code server.port}
	 * @param publishes the topics of the event records it constructs
	 * @param consumes the consumer group of each topic it has a binding for
	 * @param handles the event types its routes have handlers for
	 */
	record Service(String name, int port, Set<String> publishes, Map<String, String> consumes, Set<String> handles) {

	}

}
