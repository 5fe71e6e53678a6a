package org.coophub.localstack.mongo;

import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The in-memory backend (for tests), answering {@code hello}, looking up a pinned
 * {@code _id} first and keeping the secondary indexes the services declare.
 */
final class HelloAwareMemoryBackend extends MemoryBackend {

	private final DocumentsExamined examined;

	HelloAwareMemoryBackend(DocumentsExamined examined) {
		this.examined = examined;
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return AggregateMatch.during(database, command, query,
				() -> HelloCommand.handle(command, (name) -> super.handleCommand(channel, database, name, query)));
	}

	@Override
	public MemoryDatabase openOrCreateDatabase(String name) {
		// read when a query runs: the H2 backend opens its databases before its fields
		// are set
		Supplier<DocumentsExamined> counts = () -> this.examined;
		return new MemoryDatabase(name, getCursorRegistry()) {

			@Override
			protected IdFirstMemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
				return new IdFirstMemoryCollection(this, collection, options, this.cursorRegistry, counts);
			}

			@Override
			protected Index<Integer> openOrCreateSecondaryIndex(String collection, String indexName,
					List<IndexKey> keys, boolean sparse) {
				return new SecondaryIndex<>(indexName, keys, sparse);
			}

		};
	}

}
