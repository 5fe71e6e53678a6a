package org.coophub.events.agreement;

import java.util.List;

/**
 * When the annual review (sơ kết) takes place and who hosts it, taking turns.
 */
public record ReviewPolicy(int month, int day, String timeZone, List<String> hostRotation,
		String lastHostOrganizationId, List<Integer> reminderLeadDays) {
}
