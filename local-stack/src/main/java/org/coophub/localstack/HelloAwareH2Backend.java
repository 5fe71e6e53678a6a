package org.coophub.localstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** The H2 file backend (data survive restarts), answering {@code hello}. */
final class HelloAwareH2Backend extends H2Backend {

	HelloAwareH2Backend(String fileName) {
		super(fileName);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return HelloCommand.handle(command, (name) -> super.handleCommand(channel, database, name, query));
	}

}
