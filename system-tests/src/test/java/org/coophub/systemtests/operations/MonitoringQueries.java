package org.coophub.systemtests.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL queries operators rely on, as the repository configures them: each alert and
 * recording rule of compose/prometheus/rules and each panel query of the Grafana
 * dashboards in compose/grafana/dashboards (rows' nested panels included).
 */
final class MonitoringQueries {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MonitoringQueries() {
	}

	/** Every query of the rule files and dashboards under the project root. */
	static List<Query> of(Path projectRoot) {
		List<Query> queries = new ArrayList<>();
		for (Path rules : files(projectRoot.resolve("compose/prometheus/rules"), ".yml")) {
			queries.addAll(rules(rules));
		}
		for (Path dashboard : files(projectRoot.resolve("compose/grafana/dashboards"), ".json")) {
			queries.addAll(panels(dashboard));
		}
		return queries;
	}

	@SuppressWarnings("unchecked")
	static List<Query> rules(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			Map<String, Object> document = new Yaml().load(in);
			List<Query> queries = new ArrayList<>();
			for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
				for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
					Object name = (rule.get("alert") != null) ? rule.get("alert") : rule.get("record");
					queries.add(new Query(file.getFileName() + " " + name, String.valueOf(rule.get("expr"))));
				}
			}
			return queries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Query> panels(Path file) {
		List<Query> queries = new ArrayList<>();
		collect(file.getFileName().toString(), JSON.readTree(file.toFile()).path("panels"), queries);
		return queries;
	}

	private static void collect(String dashboard, JsonNode panels, List<Query> queries) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				if (target.hasNonNull("expr")) {
					queries.add(new Query(dashboard + " \"" + panel.path("title").asString() + "\"",
							target.path("expr").asString()));
				}
			}
			collect(dashboard, panel.path("panels"), queries);
		}
	}

	private static List<Path> files(Path directory, String extension) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(extension)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A query and where it is.
	 *
	 * @param where the file and the alert or panel
	 * @param expression the PromQL
	 */
	record Query(String where, String expression) {

	}

}
