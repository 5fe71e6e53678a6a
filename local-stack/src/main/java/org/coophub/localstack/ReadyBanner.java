package org.coophub.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines printed once the stack is ready: where everything is.
 */
final class ReadyBanner {

	private ReadyBanner() {
	}

	static List<String> lines(LocalStack stack, Duration startup) {
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add(String.format(Locale.ROOT, "Cooperation Hub local stack is ready in %.1f s (data in %s)",
				startup.toMillis() / 1000.0, stack.dataDirectory()));
		for (ServiceProcess service : stack.services()) {
			lines.add(row(service.service().moduleName(),
					service.url() + "/   Swagger UI " + service.url() + "/swagger-ui.html   log " + service.logFile()));
		}
		if (stack.startedServices().contains(StackService.REPORTING)) {
			lines.add(row("dashboard", stack.serviceUrl(StackService.REPORTING) + "/"));
		}
		lines.add(row("mail viewer", stack.smtp().viewerUrl()));
		lines.add(row("SMTP", stack.smtp().smtpHost() + ":" + stack.smtp().smtpPort()));
		lines.add(row("Kafka", stack.kafkaBootstrapServers()));
		lines.add(row("MongoDB", stack.mongoUri()));
		stack.demoData().ifPresent((demo) -> {
			if (demo.loaded()) {
				lines.add(row("demo data", demo.organizations() + " organizations, agreement " + demo.agreementId()
						+ ", " + demo.activities() + " activities"));
				lines.add(row("", DemoData.notice()));
			}
			else {
				lines.add(row("demo data", "already present, not loaded again"));
			}
		});
		lines.add("Press Ctrl-C to stop.");
		return lines;
	}

	private static String row(String name, String value) {
		return String.format(Locale.ROOT, "  %-22s %s", name, value);
	}

}
