package org.coophub.platform.messaging;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.BackOff;

/**
 * Dead letters of the batch bindings ({@link EventRouter#routeBatch}). In batch mode the
 * binder's own dead-lettering would send every record of a failed poll to the dead-letter
 * topic; here the record the router names by its index goes there alone (the same
 * {@code error.<topic>.<group>} topic, after the binding's attempts), the records before
 * it are committed, and those after it are polled again. Record-mode bindings keep the
 * binder's retries and dead-lettering unchanged.
 */
public class BatchDeadLetters implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

	private final KafkaProperties kafka;

	private volatile DefaultKafkaProducerFactory<byte[], byte[]> producers;

	public BatchDeadLetters(KafkaProperties kafka) {
		this.kafka = kafka;
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
		// only the variant with the binding's properties tells a batch binding apart
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
			ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
		if (properties == null || !properties.isBatchMode() || dlqDestinationResolver == null) {
			return;
		}
		// the binder's resolver names only a dead-letter topic set by name; its default
		// name is made where the binder sends, which batch bindings do not reach
		String named = properties.getExtension().getDlqName();
		String deadLetters = StringUtils.hasText(named) ? named : null;
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template(),
				(record, ex) -> new TopicPartition(
						(deadLetters != null) ? deadLetters : "error." + record.topic() + "." + group,
						record.partition()));
		DefaultErrorHandler handler = (backOff != null) ? new DefaultErrorHandler(recoverer, backOff)
				: new DefaultErrorHandler(recoverer);
		// a record that does not read will not read on the next attempt either
		handler.addNotRetryableExceptions(UnreadableEventException.class);
		container.setCommonErrorHandler(handler);
	}

	private synchronized KafkaTemplate<byte[], byte[]> template() {
		if (this.producers == null) {
			this.producers = new DefaultKafkaProducerFactory<>(this.kafka.buildProducerProperties(),
					new ByteArraySerializer(), new ByteArraySerializer());
		}
		return new KafkaTemplate<>(this.producers);
	}

	@Override
	public synchronized void destroy() {
		if (this.producers != null) {
			this.producers.destroy();
		}
	}

}
