package org.coophub.localstack.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.demo.DemoData;
import org.coophub.localstack.process.ServiceProcess;
import org.coophub.localstack.process.StackService;

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
		if (stack.startedServices().contains(StackService.WORKSPACE)) {
			// where people start: the dashboard and the pages
			lines.add("Workspace: " + stack.workspaceUrl() + "/");
		}
		for (ServiceProcess service : stack.services()) {
			if (service.service() == StackService.WORKSPACE) {
				lines.add(row(service.service().moduleName(),
						stack.workspaceUrl() + "/   dashboard and pages   log " + service.logFile()));
			}
			else if (service.service() == StackService.IDENTITY) {
				// the issuer's address: sign-ins must stay on the host the tokens name
				lines.add(row(service.service().moduleName(), stack.identityIssuer() + "/   sign-in page "
						+ stack.identityIssuer() + "/login   log " + service.logFile()));
			}
			else {
				lines.add(row(service.service().moduleName(), service.url() + "/   Swagger UI " + service.url()
						+ "/swagger-ui.html   log " + service.logFile()));
			}
		}
		if (stack.startedServices().contains(StackService.IDENTITY)) {
			lines.add(row("sign in (demo users)",
					String.join(", ", LocalStack.DEMO_USERS) + "; password " + LocalStack.DEMO_PASSWORD));
			lines.add(row("", "admin: everything; *-editor: records for their board (ld = Lâm Đồng, hcm = HCMC);"
					+ " *-viewer: reads only"));
			lines.add(row("API token (scripts)",
					"curl -s -u " + LocalStack.SCRIPTS_CLIENT + ":" + LocalStack.SCRIPTS_SECRET + " -d grant_type="
							+ "client_credentials -d scope=" + LocalStack.SCRIPTS_SCOPE + " " + stack.identityIssuer()
							+ "/oauth2/token"));
			lines.add(row("", "then send Authorization: Bearer <access_token> (valid 15 min)"));
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
