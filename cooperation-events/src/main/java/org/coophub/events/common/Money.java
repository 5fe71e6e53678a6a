package org.coophub.events.common;

import java.math.BigDecimal;

/**
 * An amount in its currency (ISO 4217 code: VND, USD).
 */
public record Money(BigDecimal amount, String currency) {
}
