package org.coophub.localstack.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.coophub.localstack.logging.QuietLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server (de.bwaldvogel mongo-java-server) on 127.0.0.1, with the H2 file
 * backend (data survive restarts) or the memory backend (tests).
 * <p>
 * Limits to keep in mind (see the "Embedded MongoDB-wire server" section of
 * docs/architecture.md): no transactions, no TTL indexes; a filter is answered from the
 * {@code _id} it pins or from a secondary index the services declared (equality,
 * {@code $in}, {@code $all} or a range on its leading field, then its second field),
 * anything else scans the collection. The backends live in
 * {@code org.coophub.localstack.mongo}; this class stays here because other modules
 * (test-support) start it by this name.
 */
public final class MongoWireServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

	private final Supplier<MongoBackend> backends;

	private final DocumentsExamined examined;

	private final String storage;

	private int port;

	private MongoServer server;

	private MongoWireServer(DocumentsExamined examined, Supplier<MongoBackend> backends, String storage, int port) {
		this.examined = examined;
		this.backends = backends;
		this.storage = storage;
		this.port = port;
	}

	/**
	 * A server keeping its data in an H2 MVStore file in the given directory.
	 * @param port the port, 0 for a free one
	 */
	public static MongoWireServer persistent(Path directory, int port) {
		Path file = directory.toAbsolutePath().resolve("coophub.mv");
		DocumentsExamined examined = new DocumentsExamined();
		return new MongoWireServer(examined, () -> {
			createDirectory(directory);
			return MongoBackends.persistent(file.toString(), examined);
		}, file.toString(), port);
	}

	/**
	 * A server keeping its data in memory: a restart starts empty.
	 * @param port the port, 0 for a free one
	 */
	public static MongoWireServer inMemory(int port) {
		DocumentsExamined examined = new DocumentsExamined();
		return new MongoWireServer(examined, () -> MongoBackends.inMemory(examined), "memory", port);
	}

	public synchronized MongoWireServer start() {
		if (this.server != null) {
			return this;
		}
		QuietLogging.apply();
		MongoServer newServer = new MongoServer(this.backends.get());
		newServer.bind("127.0.0.1", this.port);
		// remember the port a 0 resolved to, so that a restart comes back on it
		this.port = newServer.getLocalAddress().getPort();
		this.server = newServer;
		log.info("MongoDB-wire server listening on {} (storage: {})", connectionString(), this.storage);
		return this;
	}

	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		// shutdown() also closes the backend, which flushes the H2 store to its file
		this.server.shutdown();
		this.server = null;
		log.info("MongoDB-wire server on port {} stopped", this.port);
	}

	@Override
	public void close() {
		stop();
	}

	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/** The port; before the first start of a server on port 0 it is still 0. */
	public synchronized int port() {
		return this.port;
	}

	/**
	 * How many documents the queries on a collection examined since this server was
	 * created: a query answered from an index examines its candidates, a scan the whole
	 * collection.
	 * @param database the database
	 * @param collection the collection
	 * @return the documents examined
	 */
	public long documentsExamined(String database, String collection) {
		return this.examined.of(database, collection);
	}

	/**
	 * How many entries the secondary indexes of a collection read for its queries since
	 * this server was created: each document position a lookup walked, copied or tested.
	 * A page or a bounded count of a word most documents hold reads about as many as it
	 * uses, not as many as hold the word.
	 * @param database the database
	 * @param collection the collection
	 * @return the index entries read
	 */
	public long indexEntriesRead(String database, String collection) {
		return this.examined.indexEntriesOf(database, collection);
	}

	/** A connection string without a database: each service names its own. */
	public String connectionString() {
		return "mongodb://127.0.0.1:" + port();
	}

	private static void createDirectory(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the MongoDB data directory " + directory, ex);
		}
	}

}
