package org.coophub.notification;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The MongoDB commands the service sent, by the thread that sent them and
 * {@code "<command> <collection>"}: what a consumer thread's handling of one event costs,
 * without the pollers' commands, which run on threads of their own
 * ({@link org.coophub.testsupport.MongoCommandCounts} counts every thread together). The
 * driver tells a command listener on the calling thread.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MongoCommandsByThread implements CommandListener {

	private final ConcurrentMap<String, ConcurrentMap<String, LongAdder>> counts = new ConcurrentHashMap<>();

	@Bean
	MongoClientSettingsBuilderCustomizer countCommandsByThread() {
		return (settings) -> settings.addCommandListener(this);
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		BsonValue target = event.getCommand().get(event.getCommandName());
		String collection = (target != null && target.isString()) ? target.asString().getValue() : "";
		this.counts.computeIfAbsent(Thread.currentThread().getName(), (thread) -> new ConcurrentHashMap<>())
			.computeIfAbsent(event.getCommandName() + " " + collection, (key) -> new LongAdder())
			.increment();
	}

	/**
	 * Every command sent so far by the threads named so.
	 * @param thread which threads
	 * @return the counts by {@code "<command> <collection>"}
	 */
	public Map<String, Long> snapshot(Predicate<String> thread) {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((name, commands) -> {
			if (thread.test(name)) {
				commands.forEach((key, count) -> snapshot.merge(key, count.sum(), Long::sum));
			}
		});
		return snapshot;
	}

}
