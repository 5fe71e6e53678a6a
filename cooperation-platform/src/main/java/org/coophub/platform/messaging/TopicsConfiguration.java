package org.coophub.platform.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.coophub.events.Topics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the system's topics at start-up with their partition count: an auto-created
 * topic would get one partition and lose the parallelism keyed by agreement.
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

	@Bean
	KafkaAdmin.NewTopics coophubTopics(@Value("${coophub.kafka.partitions:3}") int partitions,
			@Value("${coophub.kafka.replication-factor:1}") short replicationFactor) {
		return new KafkaAdmin.NewTopics(Topics.ALL.stream()
			.map((topic) -> TopicBuilder.name(topic).partitions(partitions).replicas(replicationFactor).build())
			.toArray(NewTopic[]::new));
	}

}
