package org.coophub.localstack.process;

/**
 * A service process that failed to become healthy; the message ends with the tail of its
 * log, which usually says why.
 */
public class ServiceStartException extends RuntimeException {

	private static final int LOG_LINES = 40;

	public ServiceStartException(ServiceProcess process, String what) {
		super("%s %s. Last %d lines of %s:%n%s".formatted(process.service().moduleName(), what, LOG_LINES,
				process.logFile(), process.logTail(LOG_LINES)));
	}

}
