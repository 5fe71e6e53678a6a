package org.coophub.localstack.logging;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded servers' own logging at WARN. At INFO the Kafka broker prints
 * hundreds of lines of configuration and coordinator chatter, and mongo-java-server a
 * line per connection, which hide the application's log. Kafka's client loggers
 * ({@code org.apache.kafka.clients}) are left alone: they belong to the application.
 */
public final class QuietLogging {

	/**
	 * Loggers of the embedded servers: Kafka's broker and controller side, Mongo, SMTP.
	 */
	public static final List<String> EMBEDDED_SERVER_LOGGERS = List.of("kafka", "state.change.logger",
			"org.apache.kafka.server", "org.apache.kafka.raft", "org.apache.kafka.controller",
			"org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.storage",
			"org.apache.kafka.coordinator", "org.apache.kafka.security", "org.apache.kafka.queue",
			"org.apache.kafka.snapshot", "org.apache.kafka.network", "org.apache.kafka.timeline",
			"org.apache.kafka.deferred", "org.apache.kafka.common.utils.AppInfoParser", "de.bwaldvogel.mongo",
			"com.icegreen.greenmail");

	private QuietLogging() {
	}

	/**
	 * Sets the embedded servers' loggers to WARN unless the application configured them.
	 */
	public static void apply() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			for (String name : EMBEDDED_SERVER_LOGGERS) {
				ch.qos.logback.classic.Logger logger = context.getLogger(name);
				if (logger.getLevel() == null) {
					logger.setLevel(Level.WARN);
				}
			}
		}
	}

}
