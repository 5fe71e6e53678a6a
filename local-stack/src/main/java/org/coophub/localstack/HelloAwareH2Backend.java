package org.coophub.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend (data survive restarts), answering {@code hello} and looking up a
 * pinned {@code _id} first.
 */
final class HelloAwareH2Backend extends H2Backend {

	HelloAwareH2Backend(String fileName) {
		super(fileName);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return HelloCommand.handle(command, (name) -> super.handleCommand(channel, database, name, query));
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String name) {
		MVStore store = getMvStore();
		return new H2Database(name, store, getCursorRegistry()) {

			// the map names are H2Database's own, so existing files keep their data
			@Override
			protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
				String namespace = getFullCollectionNamespace(collection);
				return new IdFirstH2Collection(this, collection, options, store.openMap("databases." + namespace),
						store.openMap("meta." + namespace), this.cursorRegistry);
			}

		};
	}

}
