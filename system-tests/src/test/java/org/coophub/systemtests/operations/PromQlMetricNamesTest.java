package org.coophub.systemtests.operations;

import org.coophub.systemtests.operations.PromQlMetricNames.MetricUse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extractor finds the metrics of the kinds of query compose/ holds, and nothing else:
 * no functions, aggregations, keywords, label names, strings or durations.
 */
class PromQlMetricNamesTest {

	@Test
	void findsSelectorsWithTheirJobAndLeavesOutFunctionsLabelsAndRanges() {
		assertThat(PromQlMetricNames
			.in("sum by (method, uri) (rate(http_server_requests_seconds_sum{job=\"activity-service\", uri!~\"/actuator.*\"}[5m]))"
					+ " / sum by (method, uri) (rate(http_server_requests_seconds_count{uri!~\"/actuator.*\"}[5m]))"))
			.containsExactly(new MetricUse("http_server_requests_seconds_sum", "activity-service"),
					new MetricUse("http_server_requests_seconds_count", null));
	}

	@Test
	void findsBareNamesAndLeavesOutAggregationsKeywordsOffsetsAndNumbers() {
		assertThat(PromQlMetricNames
			.in("""
					max by (group, topic) (deriv(spring_cloud_stream_binder_kafka_offset[10m])) > 0
					and max by (group, topic) (spring_cloud_stream_binder_kafka_offset) > 0
					or sum by (job, topic, group) (coophub_events_dead_letters_total unless coophub_events_dead_letters_total offset 10m) > 1e3
					"""))
			.extracting(MetricUse::name)
			.containsExactly("spring_cloud_stream_binder_kafka_offset", "spring_cloud_stream_binder_kafka_offset",
					"coophub_events_dead_letters_total", "coophub_events_dead_letters_total");
	}

	@Test
	void findsANameUsedBareBetweenFunctionCalls() {
		assertThat(PromQlMetricNames.in("max(coophub_reminders_unsent_oldest_age_seconds) / 60"))
			.containsExactly(new MetricUse("coophub_reminders_unsent_oldest_age_seconds", null));
		assertThat(
				PromQlMetricNames.in("histogram_quantile(0.99, sum by (le) (rate(x_seconds_bucket{job=\"a\"}[5m])))"))
			.containsExactly(new MetricUse("x_seconds_bucket", "a"));
	}

	@Test
	void histogramAndSummarySeriesBelongToTheirMetric() {
		assertThat(PromQlMetricNames.family("http_server_requests_seconds_count"))
			.isEqualTo("http_server_requests_seconds");
		assertThat(PromQlMetricNames.family("x_seconds_bucket")).isEqualTo("x_seconds");
		assertThat(PromQlMetricNames.family("http_server_requests_seconds_max"))
			.isEqualTo("http_server_requests_seconds_max");
		assertThat(PromQlMetricNames.family("coophub_mail_failed_total")).isEqualTo("coophub_mail_failed_total");
	}

}
