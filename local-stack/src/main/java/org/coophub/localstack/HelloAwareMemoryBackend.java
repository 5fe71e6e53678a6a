package org.coophub.localstack;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The in-memory backend (for tests), answering {@code hello} and looking up a pinned
 * {@code _id} first.
 */
final class HelloAwareMemoryBackend extends MemoryBackend {

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return HelloCommand.handle(command, (name) -> super.handleCommand(channel, database, name, query));
	}

	@Override
	public MemoryDatabase openOrCreateDatabase(String name) {
		return new MemoryDatabase(name, getCursorRegistry()) {

			@Override
			protected IdFirstMemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
				return new IdFirstMemoryCollection(this, collection, options, this.cursorRegistry);
			}

		};
	}

}
