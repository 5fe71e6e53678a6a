package org.coophub.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.coophub.localstack.LocalStack;

/**
 * One local stack for every system test class that only adds data (no test here stops or
 * breaks a service): started on first use and stopped when the test JVM exits. Starting
 * identity-service and the four services once instead of per class keeps the system tests
 * within their time budget. It loads the demo data (as a fresh stack does;
 * {@code DemoHistorySystemTest} checks what that gives) and its clocks are adjustable:
 * {@code AutomaticReportSystemTest} moves them forward, last of all
 * (junit-platform.properties orders the classes). Its data and logs are under
 * {@code target/}.
 */
public final class SharedStack {

	private static LocalStack stack;

	private SharedStack() {
	}

	public static synchronized LocalStack get() {
		if (stack == null) {
			try {
				Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(),
						"shared-stack-");
				stack = LocalStack.options()
					.freePorts()
					.inMemoryMongo()
					.dataDirectory(data)
					.projectRoot(Path.of("..").toAbsolutePath().normalize())
					.demoData(true)
					.adjustableClocks()
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
