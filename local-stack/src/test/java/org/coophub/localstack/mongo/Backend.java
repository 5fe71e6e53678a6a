package org.coophub.localstack.mongo;

import java.nio.file.Path;

/**
 * The local stack's two MongoDB-wire backends, for tests that must hold on both.
 */
enum Backend {

	/** Documents in memory: the benchmark's and the tests' default. */
	MEMORY {
		@Override
		MongoWireServer start(Path directory) {
			return MongoWireServer.inMemory(0).start();
		}
	},

	/** Documents in an H2 file under the given folder: the local stack's default. */
	H2_FILE {
		@Override
		MongoWireServer start(Path directory) {
			return MongoWireServer.persistent(directory, 0).start();
		}
	};

	/**
	 * Starts a server on a free port.
	 * @param directory where the H2 file goes (unused in memory)
	 * @return the started server
	 */
	abstract MongoWireServer start(Path directory);

}
