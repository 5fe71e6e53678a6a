package org.coophub.localstack.mongo;

import de.bwaldvogel.mongo.MongoBackend;

/**
 * The backends of the local stack's MongoDB-wire server: mongo-java-server's H2 file and
 * memory backends, answering {@code hello} and serving the services' access paths from
 * indexes (an {@code _id} a filter pins, the secondary indexes the services declare)
 * instead of scanning. See the "Embedded MongoDB-wire server" section of
 * docs/architecture.md.
 */
final class MongoBackends {

	private MongoBackends() {
	}

	/**
	 * @param fileName the H2 MVStore file
	 * @param examined where queries count the documents they examine
	 * @return a backend keeping its data in the file
	 */
	static MongoBackend persistent(String fileName, DocumentsExamined examined) {
		return new HelloAwareH2Backend(fileName, examined);
	}

	/**
	 * @param examined where queries count the documents they examine
	 * @return a backend keeping its data in memory
	 */
	static MongoBackend inMemory(DocumentsExamined examined) {
		return new HelloAwareMemoryBackend(examined);
	}

}
