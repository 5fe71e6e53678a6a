package org.coophub.testsupport;

/**
 * A Kafka broker and a MongoDB for tests, whichever way they run.
 */
interface Infrastructure {

	String kafkaBootstrapServers();

	/** A connection string without a database: each service names its own. */
	String mongoUri();

	boolean usingContainers();

	void stop();

}
