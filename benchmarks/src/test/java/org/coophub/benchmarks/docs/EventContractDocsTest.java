package org.coophub.benchmarks.docs;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.coophub.benchmarks.docs.CodeFacts.Service;
import org.coophub.benchmarks.docs.MarkdownTables.Table;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event contract as the docs tell it (docs/asyncapi.yaml, the README's topic and
 * service tables, docs/events.md's header, type and who-consumes-what tables) is the one
 * in the code ({@link CodeFacts}). The tables are written by hand and read here: only
 * what is in code font counts (topics, event types, headers), and a type may be shortened
 * after a full one in the same cell ({@code `org.coophub.activity.updated.v1`,
 * `.completed.v1`} replaces as many trailing parts as the short form has). A topic in
 * code font in a list of types stands for every type on it.
 */
class EventContractDocsTest {

	private static final Pattern SERVICE_NAME = Pattern.compile("[a-z]+(?:-[a-z]+)*-service");

	/**
	 * An event type, or a misspelt one for the registry to refuse; the pattern
	 * {@code org.coophub.<aggregate>.<past-tense-verb>.v<major>} is not one.
	 */
	private static final Pattern EVENT_TYPE = Pattern.compile("org\\.coophub\\.[^<>\\s]+");

	/** A type shortened after a full one: its last parts, e.g. {@code .completed.v1}. */
	private static final Pattern SHORT_EVENT_TYPE = Pattern.compile("(\\.[a-z0-9-]+)+");

	private static final String ACTOR = "ld-editor@BQL-LD";

	private static CodeFacts code;

	private static AsyncApiDocument asyncApi;

	private static MarkdownTables readme;

	private static MarkdownTables events;

	@BeforeAll
	static void readCodeAndDocs() throws IOException {
		code = CodeFacts.ofThisCheckout();
		asyncApi = AsyncApiDocument.read(code.root().resolve("docs/asyncapi.yaml"));
		readme = MarkdownTables.read(code.root().resolve("README.md"));
		events = MarkdownTables.read(code.root().resolve("docs/events.md"));
	}

	@Test
	void theCodeIsReadWhereItIs() {
		assertThat(code.topicByType()).as("event registry").isNotEmpty();
		assertThat(code.services()).as("services").containsKeys("agreement-service", "activity-service");
		assertThat(code.services().values()).as("consumer bindings")
			.anySatisfy((service) -> assertThat(service.consumes()).isNotEmpty());
		assertThat(code.services().values()).as("handlers")
			.anySatisfy((service) -> assertThat(service.handles()).isNotEmpty());
		assertThat(CodeFacts.headersWritten(ACTOR, true)).as("headers").contains("ce_type", "ce_actor");
	}

	@Test
	void asyncApiHasEveryTopicAsAChannelWithEveryTypeOnItAsAMessage() {
		Map<String, Set<String>> expected = new TreeMap<>();
		code.topics().forEach((topic) -> expected.put(topic, code.typesOn(topic)));
		assertSameSets("docs/asyncapi.yaml, channel address: messages", asyncApi.typesByTopic(), expected);
	}

	@Test
	void asyncApiMessagesPinTheirOwnTypeInTheCeTypeHeader() {
		asyncApi.headerTypeByMessageName()
			.forEach((name, pinned) -> assertThat(pinned).as("docs/asyncapi.yaml: ce_type const of message " + name)
				.isEqualTo(name));
	}

	@Test
	void asyncApiDeclaresTheHeadersThePlatformWrites() {
		assertThat(asyncApi.headers()).as("docs/asyncapi.yaml: CloudEventHeaders properties")
			.containsExactlyInAnyOrderElementsOf(CodeFacts.headersWritten(ACTOR, true));
		assertThat(asyncApi.requiredHeaders())
			.as("docs/asyncapi.yaml: CloudEventHeaders required (written also without an actor)")
			.containsExactlyInAnyOrderElementsOf(CodeFacts.headersWritten(null, false));
	}

	@Test
	void asyncApiHasAReceiveOperationForEveryConsumerBindingWithTheTypesItsRoutesHandle() {
		Map<String, Set<String>> expected = new TreeMap<>();
		for (Service service : code.services().values()) {
			service.consumes().forEach((topic, group) -> {
				Set<String> handled = new TreeSet<>(service.handles());
				handled.retainAll(code.typesOn(topic));
				expected.put(group + " <- " + topic, handled);
			});
		}
		assertSameSets("docs/asyncapi.yaml, receive operation (groupId <- channel address): messages",
				asyncApi.receivedTypes(), expected);
	}

	@Test
	void asyncApiHasASendOperationWithEveryTypeOfEveryPublishedTopic() {
		Map<String, Set<String>> expected = new TreeMap<>();
		code.services()
			.values()
			.forEach((service) -> service.publishes().forEach((topic) -> expected.put(topic, code.typesOn(topic))));
		assertSameSets("docs/asyncapi.yaml, send operation on channel address: messages", asyncApi.sentTypesByTopic(),
				expected);
	}

	@Test
	void readmeTopicTableIsTheCodes() {
		Table table = readme.table("Topics and events", "topic", "events", "producer", "consumers");
		Map<String, Set<String>> events = new TreeMap<>();
		Map<String, Set<String>> producers = new TreeMap<>();
		Map<String, Set<String>> consumers = new TreeMap<>();
		for (List<String> row : table.rows()) {
			String topic = only(MarkdownTables.codeSpans(table.cell(row, "topic")));
			events.put(topic, typesIn(table.cell(row, "events")));
			producers.put(topic, services(table.cell(row, "producer")));
			consumers.put(topic, services(table.cell(row, "consumers")));
		}
		assertSameSets("README topic table, events of", events, byTopic(code::typesOn));
		assertSameSets("README topic table, producer of", producers, byTopic(code::producersOf));
		assertSameSets("README topic table, consumers of", consumers, byTopic(code::consumersOf));
	}

	@Test
	void readmeServiceTableIsTheCodes() {
		Table table = readme.table("Cooperation Hub", "service", "port", "owns", "publishes", "consumes");
		Map<String, Set<String>> ports = new TreeMap<>();
		Map<String, Set<String>> publishes = new TreeMap<>();
		Map<String, Set<String>> consumes = new TreeMap<>();
		for (List<String> row : table.rows()) {
			String service = table.cell(row, "service");
			ports.put(service, Set.of(table.cell(row, "port")));
			publishes.put(service, Set.copyOf(MarkdownTables.codeSpans(table.cell(row, "publishes"))));
			consumes.put(service, Set.copyOf(MarkdownTables.codeSpans(table.cell(row, "consumes"))));
		}
		assertSameSets("README service table, port of", ports,
				byService((service) -> Set.of(String.valueOf(service.port()))));
		assertSameSets("README service table, topics published by", publishes, byService(Service::publishes));
		assertSameSets("README service table, topics consumed by", consumes,
				byService((service) -> service.consumes().keySet()));
	}

	@Test
	void eventsEnvelopeTableListsTheHeadersThePlatformWrites() {
		Table table = events.table("Envelope", "Kafka header");
		Set<String> documented = table.rows()
			.stream()
			.map((row) -> only(MarkdownTables.codeSpans(table.cell(row, "Kafka header"))))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(documented).as("docs/events.md envelope table")
			.containsExactlyInAnyOrderElementsOf(CodeFacts.headersWritten(ACTOR, true));
	}

	@Test
	void eventsTypeTableIsTheRegistry() {
		Table table = events.table("Types", "type", "topic");
		Map<String, Set<String>> documented = new TreeMap<>();
		for (List<String> row : table.rows()) {
			typesIn(table.cell(row, "type")).forEach((type) -> documented.put(type, Set.of(table.cell(row, "topic"))));
		}
		Map<String, Set<String>> expected = new TreeMap<>();
		code.topicByType().forEach((type, topic) -> expected.put(type, Set.of(topic)));
		assertSameSets("docs/events.md type table, topic of", documented, expected);
	}

	@Test
	void eventsTableOfWhoPublishesAndConsumesWhatIsTheCodes() {
		Table table = events.table("Who publishes and consumes what", "service", "publishes");
		String consumes = table.header().get(2);
		Map<String, Set<String>> published = new TreeMap<>();
		Map<String, Set<String>> consumed = new TreeMap<>();
		Map<String, Set<String>> topicsConsumed = new TreeMap<>();
		for (List<String> row : table.rows()) {
			String service = table.cell(row, "service");
			published.put(service, typesIn(table.cell(row, "publishes")));
			consumed.put(service, typesIn(table.cell(row, consumes)));
			topicsConsumed.put(service, topicsOf(consumed.get(service)));
		}
		assertSameSets("docs/events.md, types published by", published, byService(this::typesPublishedBy));
		assertSameSets("docs/events.md, types consumed (handled by an EventRouter route) by", consumed,
				byService(Service::handles));
		assertSameSets("docs/events.md, topics bound by", topicsConsumed,
				byService((service) -> service.consumes().keySet()));
	}

	@Test
	void eventsNotificationServiceTableListsWhatItPublishes() {
		Table table = events.table("notification-service", "type", "when");
		Set<String> documented = new TreeSet<>();
		table.rows().forEach((row) -> documented.addAll(typesIn(table.cell(row, "type"))));
		assertThat(documented).as("docs/events.md: what notification-service publishes")
			.containsExactlyInAnyOrderElementsOf(typesPublishedBy(code.services().get("notification-service")));
	}

	@Test
	void everyEventTypeInATableIsRegistered() {
		for (MarkdownTables document : List.of(readme, events)) {
			for (Table table : document.all()) {
				for (List<String> row : table.rows()) {
					for (String cell : row) {
						assertThat(code.topicByType().keySet()).as("types named under \"" + table.heading() + "\"")
							.containsAll(typesIn(cell));
					}
				}
			}
		}
	}

	/**
	 * The event types a cell names in code font, short forms expanded, topics standing
	 * for all their types; spans that are neither (headers, field names) are skipped.
	 */
	private static Set<String> typesIn(String cell) {
		Set<String> types = new TreeSet<>();
		String previous = null;
		for (String span : MarkdownTables.codeSpans(cell)) {
			if (code.topics().contains(span)) {
				types.addAll(code.typesOn(span));
			}
			else if (EVENT_TYPE.matcher(span).matches()) {
				types.add(span);
				previous = span;
			}
			else if (SHORT_EVENT_TYPE.matcher(span).matches() && previous != null) {
				String[] parts = previous.split("\\.");
				int kept = parts.length - (span.split("\\.").length - 1);
				// longer than the full type before it: left as written, for the registry
				// to refuse
				previous = (kept >= 2) ? String.join(".", List.of(parts).subList(0, kept)) + span : span;
				types.add(previous);
			}
		}
		return types;
	}

	private static Set<String> topicsOf(Set<String> types) {
		return types.stream()
			.map((type) -> code.topicByType().getOrDefault(type, "(unregistered " + type + ")"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> services(String cell) {
		return SERVICE_NAME.matcher(cell)
			.results()
			.map((match) -> match.group())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private Set<String> typesPublishedBy(Service service) {
		Set<String> types = new TreeSet<>();
		service.publishes().forEach((topic) -> types.addAll(code.typesOn(topic)));
		return types;
	}

	private static Map<String, Set<String>> byTopic(Function<String, Set<String>> facts) {
		Map<String, Set<String>> byTopic = new TreeMap<>();
		code.topics().forEach((topic) -> byTopic.put(topic, facts.apply(topic)));
		return byTopic;
	}

	/**
	 * A fact of each service that publishes or consumes events (identity-service does
	 * neither).
	 */
	private static Map<String, Set<String>> byService(Function<Service, Set<String>> facts) {
		Map<String, Set<String>> byService = new TreeMap<>();
		code.services()
			.values()
			.stream()
			.filter((service) -> !service.publishes().isEmpty() || !service.consumes().isEmpty())
			.forEach((service) -> byService.put(service.name(), facts.apply(service)));
		return byService;
	}

	/**
	 * Compares row by row, so that a failure names the row and the elements missing or
	 * too many rather than two whole tables.
	 */
	private static void assertSameSets(String what, Map<String, Set<String>> documented,
			Map<String, Set<String>> expected) {
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(documented.keySet())
				.as(what + ": rows")
				.containsExactlyInAnyOrderElementsOf(expected.keySet());
			expected.forEach((key, values) -> {
				if (documented.containsKey(key)) {
					softly.assertThat(documented.get(key))
						.as(what + " " + key)
						.containsExactlyInAnyOrderElementsOf(values);
				}
			});
		});
	}

	private static String only(List<String> spans) {
		assertThat(spans).as("code spans").hasSize(1);
		return spans.get(0);
	}

}
