package org.coophub.events.agreement;

public enum AgreementStatus {

	DRAFT, ACTIVE, SUSPENDED, TERMINATED, EXPIRED

}
