package org.coophub.events.agreement;

public enum PartyRole {

	LEAD, PARTNER, OBSERVER

}
