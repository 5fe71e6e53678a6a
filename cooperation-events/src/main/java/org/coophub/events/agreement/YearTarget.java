package org.coophub.events.agreement;

import java.math.BigDecimal;

/**
 * A commitment's target for one year, where it differs from the usual one.
 */
public record YearTarget(int year, BigDecimal value) {
}
