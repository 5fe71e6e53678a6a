package org.coophub.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event type has a JSON Schema in
 * {@code src/main/resources/schemas/<type>.schema.json}, generated from its record: this
 * test fails when a record and its committed schema differ. After adding an optional
 * field or a new type, run it with {@code -Dschemas.update=true} to rewrite the schemas,
 * and review the diff. Each golden file must validate against its type's schema.
 */
class EventSchemasTest {

	static final Path SCHEMAS = Path.of("src/main/resources/schemas");

	/**
	 * Where the schemas live for anyone resolving their {@code $id}: the repository path
	 * under a placeholder host, never fetched.
	 */
	static final String ID_BASE = "https://coophub.example/schemas/";

	/**
	 * The envelope fields every event carries with a value.
	 */
	static final Set<String> NEVER_NULL = Set.of("eventId", "occurredAt");

	/**
	 * A date and time without offset (an activity's local time, read with its
	 * {@code timeZone}): JSON Schema has no format for it.
	 */
	static final String LOCAL_DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";

	private final JsonMapper json = JsonMapper.builder().build();

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	static Stream<Class<? extends DomainEvent>> eventTypes() {
		return EventTypes.ALL.stream();
	}

	static Stream<String> goldenTypes() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
			return files.map((file) -> file.getFileName().toString().replaceFirst("\\.json$", ""))
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("eventTypes")
	void theCommittedSchemaIsTheOneGeneratedFromTheRecord(Class<? extends DomainEvent> eventClass) throws IOException {
		String type = EventTypes.typeOf(eventClass);
		ObjectNode generated = generate(eventClass);
		if (Boolean.getBoolean("schemas.update")) {
			Files.createDirectories(SCHEMAS);
			Files.writeString(SCHEMAS.resolve(type + ".schema.json"),
					this.json.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n");
		}

		assertThat(committed(type)).as("schemas/%s.schema.json; regenerate with -Dschemas.update=true", type)
			.isEqualTo(generated);
	}

	@Test
	void everySchemaFileBelongsToAnEventType() throws IOException {
		Set<String> expected = EventTypes.ALL.stream()
			.map((eventClass) -> EventTypes.typeOf(eventClass) + ".schema.json")
			.collect(Collectors.toSet());
		try (Stream<Path> files = Files.list(SCHEMAS)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@ParameterizedTest
	@MethodSource("goldenTypes")
	void eachGoldenEventValidatesAgainstItsSchema(String type) throws IOException {
		assertThat(EventTypes.classOf(type)).as("event type of golden/%s.json", type).isPresent();

		List<Error> errors = schema(type).validate(golden(type));

		assertThat(errors).as("golden/%s.json against schemas/%s.schema.json", type, type).isEmpty();
	}

	@Test
	void anEventMissingItsVersionWithoutIdOrWithAnUnknownStatusOrABadDateIsRejected() throws IOException {
		String type = "org.coophub.agreement.created.v1";
		ObjectNode withoutVersion = (ObjectNode) golden(type);
		withoutVersion.remove("version");
		ObjectNode unknownStatus = (ObjectNode) golden(type);
		((ObjectNode) unknownStatus.get("agreement")).put("status", "SLEEPING");
		ObjectNode nullId = (ObjectNode) golden(type);
		nullId.putNull("eventId");
		ObjectNode badDate = (ObjectNode) golden(type);
		((ObjectNode) badDate.get("agreement")).put("signedOn", "15/10/2009");

		assertThat(schema(type).validate(withoutVersion)).extracting(Error::toString)
			.anySatisfy((message) -> assertThat(message).contains("version"));
		assertThat(schema(type).validate(unknownStatus)).extracting(Error::toString)
			.anySatisfy((message) -> assertThat(message).contains("status").contains("enumeration"));
		assertThat(schema(type).validate(nullId)).extracting(Error::toString)
			.anySatisfy((message) -> assertThat(message).contains("eventId"));
		assertThat(schema(type).validate(badDate)).extracting(Error::toString)
			.anySatisfy((message) -> assertThat(message).contains("signedOn"));
	}

	@Test
	void anOldEventWithoutAFieldAddedLaterStillValidates() throws IOException {
		String type = "org.coophub.organization.registered.v1";
		ObjectNode old = (ObjectNode) golden(type);
		((ObjectNode) old.at("/organization/contacts/0")).remove("dailyDigest");

		assertThat(schema(type).validate(old)).isEmpty();
	}

	/**
	 * The schema of one event type: draft 2020-12, one {@code $defs} entry per nested
	 * record. Every field of the event record itself is required (the envelope and the
	 * full state); fields of the nested state are optional, as fields added later are
	 * absent from older events. Objects, strings and lists may be null, as Jackson writes
	 * absent values; unknown fields are allowed, so readers tolerate additions.
	 */
	ObjectNode generate(Class<? extends DomainEvent> eventClass) {
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(Option.STANDARD_FORMATS, Option.NULLABLE_FIELDS_BY_DEFAULT)
			.without(Option.NONSTATIC_NONVOID_NONGETTER_METHODS, Option.FIELDS_DERIVED_FROM_ARGUMENTFREE_METHODS);
		config.forFields()
			.withRequiredCheck((field) -> field.getDeclaringType().getErasedType() == eventClass)
			.withNullableCheck((field) -> (field.getDeclaringType().getErasedType() == eventClass
					&& NEVER_NULL.contains(field.getName())) ? Boolean.FALSE : null)
			.withStringPatternResolver(
					(field) -> (field.getType().getErasedType() == LocalDateTime.class) ? LOCAL_DATE_TIME : null);
		ObjectNode generated = new SchemaGenerator(config.build()).generateSchema(eventClass);
		String type = EventTypes.typeOf(eventClass);
		ObjectNode schema = this.json.createObjectNode();
		schema.set("$schema", generated.get("$schema"));
		schema.put("$id", ID_BASE + type + ".schema.json");
		schema.put("title", type);
		schema.put("description", eventClass.getSimpleName() + " on topic " + EventTypes.topicOf(eventClass)
				+ ": the JSON value of a CloudEvent (binary mode) with ce_type " + type);
		generated.properties().forEach((entry) -> {
			if (!entry.getKey().equals("$schema")) {
				schema.set(entry.getKey(), entry.getValue());
			}
		});
		sortRequired(schema);
		return schema;
	}

	/**
	 * Sorts every {@code required} list, so that the file does not depend on reflection
	 * order.
	 */
	private static void sortRequired(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.get("required") instanceof ArrayNode required) {
				List<String> names = required.valueStream().map(JsonNode::asString).sorted().toList();
				required.removeAll();
				names.forEach(required::add);
			}
			object.values().forEach(EventSchemasTest::sortRequired);
		}
		else if (node instanceof ArrayNode array) {
			array.values().forEach(EventSchemasTest::sortRequired);
		}
	}

	private Schema schema(String type) throws IOException {
		return this.registry.getSchema(committed(type));
	}

	private JsonNode committed(String type) throws IOException {
		try (InputStream in = Files.newInputStream(SCHEMAS.resolve(type + ".schema.json"))) {
			return this.json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	private JsonNode golden(String type) throws IOException {
		return this.json.readTree(Files.readString(Path.of("src/test/resources/golden", type + ".json")));
	}

}
