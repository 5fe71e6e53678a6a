package org.coophub.events.agreement;

/**
 * What a commitment aims at each year, e.g. 2 investment promotion conferences.
 */
public record Target(String metric, int perYear) {
}
