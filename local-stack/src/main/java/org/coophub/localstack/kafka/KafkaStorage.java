package org.coophub.localstack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's log directory, formatted once as {@code kafka-storage.sh format} does.
 */
final class KafkaStorage {

	private static final Logger log = LoggerFactory.getLogger(KafkaStorage.class);

	private KafkaStorage() {
	}

	/**
	 * Formats the storage as {@code kafka-storage.sh format} would, once: a new directory
	 * gets a new cluster id, an existing one keeps its own (the storage tool's
	 * {@code --ignore-formatted} still insists on the same cluster id, so we check
	 * first).
	 * @param logDirectory the broker's log directory
	 * @param properties the broker's configuration
	 */
	static void formatIfNew(Path logDirectory, Properties properties) {
		if (Files.exists(logDirectory.resolve("meta.properties"))) {
			return;
		}
		try {
			Files.createDirectories(logDirectory);
			Path configFile = Files.createTempFile("kafka-server", ".properties");
			try {
				try (OutputStream out = Files.newOutputStream(configFile)) {
					properties.store(out, "embedded KRaft broker");
				}
				ByteArrayOutputStream output = new ByteArrayOutputStream();
				String[] arguments = { "format", "--cluster-id", Uuid.randomUuid().toString(), "--config",
						configFile.toString() };
				int exitCode = StorageTool.execute(arguments, new PrintStream(output, true, StandardCharsets.UTF_8));
				String printed = output.toString(StandardCharsets.UTF_8).trim();
				if (exitCode != 0) {
					throw new IllegalStateException("Formatting Kafka storage in " + logDirectory
							+ " failed (exit code " + exitCode + "): " + printed);
				}
				log.debug("kafka-storage format: {}", printed);
			}
			finally {
				Files.deleteIfExists(configFile);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the Kafka log directory " + logDirectory, ex);
		}
	}

}
