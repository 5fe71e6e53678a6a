package org.coophub.platform.outbox;

import java.util.List;

/**
 * A MongoDB document that carries its unpublished events in a field named {@code outbox},
 * so the state change and its events are written in one single-document update.
 */
public interface HasOutbox {

	String OUTBOX_FIELD = "outbox";

	/** The mutable list stored in the document's {@code outbox} field. */
	List<OutboxEntry> outbox();

}
