package org.coophub.localstack.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.LocalStackOptions;

/**
 * What the launcher does: start the stack in the current directory, print where
 * everything is, and stop it all on Ctrl-C or SIGTERM.
 */
final class LocalStackCommand {

	private static final Path DATA_DIRECTORY = Path.of(".local-stack");

	int run(String... args) {
		LaunchArguments arguments;
		try {
			arguments = LaunchArguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			Console.error(ex.getMessage());
			Console.error(LaunchArguments.USAGE);
			return 2;
		}
		if (arguments.help()) {
			Console.print(LaunchArguments.USAGE);
			return 0;
		}
		long started = System.nanoTime();
		if (arguments.fresh()) {
			Console.print("Deleting " + DATA_DIRECTORY.toAbsolutePath() + " (--fresh)");
			DataDirectory.delete(DATA_DIRECTORY);
		}
		LocalStackOptions options = LocalStack.options()
			.dataDirectory(DATA_DIRECTORY)
			.projectRoot(ProjectRoot.locate())
			.demoData(arguments.demo());
		if (arguments.infraOnly()) {
			options.infrastructureOnly();
		}
		if (arguments.adjustableClocks()) {
			options.adjustableClocks();
		}
		Console.print(arguments.infraOnly() ? "Starting Kafka, MongoDB and the SMTP capture..."
				: "Starting Kafka, MongoDB, the SMTP capture, identity-service, the four services and the workspace (about a minute)...");
		LocalStack stack;
		try {
			stack = options.start();
		}
		catch (RuntimeException ex) {
			Console.error("The local stack did not start: " + ex.getMessage());
			return 1;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			Console.print("Stopping the local stack...");
			stack.close();
			Console.print("Stopped.");
			stopped.countDown();
		}, "local-stack-shutdown"));
		ReadyBanner.lines(stack, Duration.ofNanos(System.nanoTime() - started)).forEach(Console::print);
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

}
