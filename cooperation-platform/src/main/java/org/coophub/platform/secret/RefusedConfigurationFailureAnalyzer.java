package org.coophub.platform.secret;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns a refused setting into Spring Boot's start-up failure report: the description is
 * one line naming the property, the action says how to set it. No stack trace to read
 * through, and no value is ever shown. Asked before Spring Boot's own analyzers, which
 * would describe the property binding that wraps the refusal.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<RefusedConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RefusedConfigurationException cause) {
		return new FailureAnalysis("Refusing to start: " + cause.getMessage(),
				"Set " + cause.property() + " (environment variable " + cause.environmentVariable()
						+ ") to a value of your own; see docs/security.md.",
				cause);
	}

}
