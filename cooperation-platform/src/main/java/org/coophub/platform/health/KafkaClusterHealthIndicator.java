package org.coophub.platform.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Kafka as the readiness probe sees it: UP while the cluster answers a
 * {@code describeCluster} within the timeout, DOWN otherwise. It is in the
 * {@code readiness} group only: a service that cannot reach Kafka should get no traffic,
 * but restarting it would not bring Kafka back (docs/operations.md, "Readiness").
 */
public class KafkaClusterHealthIndicator implements HealthIndicator, DisposableBean {

	private final Admin admin;

	private final Duration timeout;

	/**
	 * @param adminProperties the service's own admin client properties (SASL in compose)
	 * @param timeout how long the cluster may take to answer
	 */
	public KafkaClusterHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
		Map<String, Object> properties = new HashMap<>(adminProperties);
		int millis = (int) timeout.toMillis();
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		properties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "coophub-kafka-health");
		this.admin = Admin.create(properties);
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		try {
			DescribeClusterResult cluster = this.admin
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
			String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
			return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down(ex).build();
		}
		catch (Exception ex) {
			return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
		}
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
