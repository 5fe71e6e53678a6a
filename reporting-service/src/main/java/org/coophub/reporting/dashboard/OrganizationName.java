package org.coophub.reporting.dashboard;

import org.coophub.events.common.LocalizedText;
import org.coophub.platform.projection.Versioned;

import org.springframework.data.annotation.Id;

/**
 * An organization's code and name, to name hosts and parties on pages and reports.
 */
public record OrganizationName(@Id String id, String code, LocalizedText name, long version) implements Versioned {

}
