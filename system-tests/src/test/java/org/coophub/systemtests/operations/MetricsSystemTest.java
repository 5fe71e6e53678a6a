package org.coophub.systemtests.operations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.coophub.systemtests.operations.MonitoringQueries.Query;
import org.coophub.systemtests.operations.PromQlMetricNames.MetricUse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric an alert rule or a dashboard panel of compose/ reads is on the running
 * services' {@code /actuator/prometheus} (issue 21): a query of a metric nobody exports
 * shows an empty panel, and an alert on it never fires. The services of the shared stack
 * are scraped once, after the demo data and a request to each; a query that names its
 * {@code job} must find the metric on that service, any other on at least one. Counters
 * that would appear only with their first increment (dead letters, mail sent or failed)
 * exist at zero from the start, so this holds on a quiet system too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsSystemTest {

	/** The series name of each sample line of the text format. */
	private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

	/** An API call of each service, so each has served a request its metrics count. */
	private static final Map<StackService, String> TRAFFIC = Map.of(StackService.AGREEMENT, "/api/v1/agreements?size=1",
			StackService.ACTIVITY, "/api/v1/activities?size=1", StackService.REPORTING, "/api/v1/dashboard/pipeline",
			StackService.NOTIFICATION, "/api/v1/notifications?size=1");

	private LocalStack stack;

	private OperationsHttp api;

	@BeforeAll
	void startStack() {
		this.stack = SharedStack.get();
		this.api = new OperationsHttp(this.stack);
	}

	@Test
	void everyMetricOfTheAlertsAndDashboardsIsExported() {
		List<Query> queries = MonitoringQueries.of(Path.of("..").toAbsolutePath().normalize());
		assertThat(queries).as("the six alerts and the dashboards' panels")
			.filteredOn((query) -> query.where().startsWith("coophub.rules.yml"))
			.hasSize(6);
		assertThat(queries).filteredOn((query) -> query.where().contains(".json ")).isNotEmpty();

		TRAFFIC.forEach((service, path) -> assertThat(this.api.send(service, "GET", path, null).statusCode())
			.as("GET %s of %s", path, service.moduleName())
			.isLessThan(500));
		Map<String, Set<String>> exportedByJob = new HashMap<>();
		Set<String> exportedAnywhere = new HashSet<>();
		for (StackService service : StackService.eventDriven()) {
			Set<String> families = families(this.api.prometheus(service));
			exportedByJob.put(service.moduleName(), families);
			exportedAnywhere.addAll(families);
		}

		List<String> missing = new ArrayList<>();
		Set<String> read = new HashSet<>();
		for (Query query : queries) {
			List<MetricUse> uses = PromQlMetricNames.in(query.expression());
			assertThat(uses).as("metrics of %s: %s", query.where(), query.expression()).isNotEmpty();
			for (MetricUse use : uses) {
				String family = PromQlMetricNames.family(use.name());
				read.add(family);
				Set<String> exported = (use.job() != null) ? exportedByJob.getOrDefault(use.job(), Set.of())
						: exportedAnywhere;
				if (!exported.contains(family)) {
					missing
						.add(use.name() + ((use.job() != null) ? " on " + use.job() : "") + " (" + query.where() + ")");
				}
			}
		}
		assertThat(read).as("what the alerts read (docs/operations.md, \"Metrics and alerts\")")
			.contains("coophub_events_dead_letters_total", "coophub_mail_failed_total", "coophub_mail_sent_total",
					"coophub_outbox_oldest_age_seconds", "coophub_events_parked_oldest_age_seconds",
					"coophub_reminders_unsent_oldest_age_seconds", "spring_cloud_stream_binder_kafka_offset",
					"http_server_requests_seconds");
		assertThat(missing).as("metrics read by a rule or panel that no service exports").isEmpty();
	}

	/** The metrics of a scrape: the families of its sample lines. */
	static Set<String> families(String scrape) {
		Set<String> families = new HashSet<>();
		Matcher sample = SAMPLE.matcher(scrape);
		while (sample.find()) {
			families.add(PromQlMetricNames.family(sample.group(1)));
		}
		return families;
	}

}
