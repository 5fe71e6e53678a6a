package org.coophub.localstack;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** The in-memory backend (for tests), answering {@code hello}. */
final class HelloAwareMemoryBackend extends MemoryBackend {

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return HelloCommand.handle(command, (name) -> super.handleCommand(channel, database, name, query));
	}

}
