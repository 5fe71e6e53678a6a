package org.coophub.events.agreement;

public enum CommitmentStatus {

	OPEN, IN_PROGRESS, DONE, DROPPED

}
