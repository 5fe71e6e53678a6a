package org.coophub.localstack.mongo;

import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend (data survive restarts), answering {@code hello}, looking up a
 * pinned {@code _id} first and keeping the secondary indexes the services declare (in
 * memory: rebuilt from the file's documents when a collection is opened).
 */
final class HelloAwareH2Backend extends H2Backend {

	private final DocumentsExamined examined;

	HelloAwareH2Backend(String fileName, DocumentsExamined examined) {
		super(fileName);
		this.examined = examined;
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return AggregateMatch.during(database, command, query,
				() -> HelloCommand.handle(command, (name) -> super.handleCommand(channel, database, name, query)));
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String name) {
		MVStore store = getMvStore();
		// read when a query runs: the H2 backend opens its databases before its fields
		// are set
		Supplier<DocumentsExamined> counts = () -> this.examined;
		return new H2Database(name, store, getCursorRegistry()) {

			// the map names are H2Database's own, so existing files keep their data
			@Override
			protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
				String namespace = getFullCollectionNamespace(collection);
				return new IdFirstH2Collection(this, collection, options, store.openMap("databases." + namespace),
						store.openMap("meta." + namespace), this.cursorRegistry, counts);
			}

			// called again for each stored index description when the file is opened
			@Override
			protected Index<Object> openOrCreateSecondaryIndex(String collection, String indexName, List<IndexKey> keys,
					boolean sparse) {
				return new SecondaryIndex<>(indexName, keys, sparse);
			}

		};
	}

}
