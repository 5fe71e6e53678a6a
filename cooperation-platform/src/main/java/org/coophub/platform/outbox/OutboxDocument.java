package org.coophub.platform.outbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Version;

/**
 * Base of an aggregate's MongoDB document: its version (counted by the domain, carried by
 * its events), an optimistic lock, and the outbox of events not yet acknowledged by
 * Kafka.
 */
public abstract class OutboxDocument implements HasOutbox {

	/** The aggregate's version after its last change; events carry it. */
	protected long version;

	@Version
	private Long lockVersion;

	private List<OutboxEntry> outbox = new ArrayList<>();

	public long version() {
		return this.version;
	}

	@Override
	public List<OutboxEntry> outbox() {
		return this.outbox;
	}

}
