package org.coophub.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.coophub.localstack.LocalStack;

/**
 * One local stack for every system test class that only adds data (no test here stops or
 * breaks a service): started on first use, the way {@code ConferenceFlowSystemTest}
 * starts its own, and stopped when the test JVM exits. Starting identity-service and the
 * four services once instead of per class keeps the system tests within their time
 * budget.
 */
public final class SharedStack {

	private static LocalStack stack;

	private SharedStack() {
	}

	public static synchronized LocalStack get() {
		if (stack == null) {
			try {
				Path data = Files.createTempDirectory("coophub-system-test-");
				stack = LocalStack.options()
					.freePorts()
					.inMemoryMongo()
					.dataDirectory(data)
					.projectRoot(Path.of("..").toAbsolutePath().normalize())
					.demoData(false)
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			LocalStack started = stack;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-stack-stop"));
		}
		return stack;
	}

}
