package org.coophub.systemtests.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The results of the fault-injection scenarios, as docs/reliability.md shows them.
 */
final class Reliability {

	static final Duration PROPAGATION = Duration.ofSeconds(120);

	private final List<Row> rows = new ArrayList<>();

	synchronized Row add(String scenario, ActivityLoad load, Effects effects, Duration drain, String notes) {
		Set<String> stored = new HashSet<>(effects.stored());
		long lost = load.accepted().stream().filter((title) -> !stored.contains(title)).count()
				+ Math.max(0, stored.size() - effects.onDashboard())
				+ stored.stream().filter((title) -> !effects.mailsPerTitle().containsKey(title)).count();
		long duplicates = Math.max(0, effects.onDashboard() - stored.size()) + (effects.stored().size() - stored.size())
				+ effects.duplicateMails();
		Row row = new Row(scenario, load.acceptedCount(), load.refused().toString(), stored.size(),
				effects.onDashboard(), effects.mails(), lost, duplicates, drain, notes);
		this.rows.add(row);
		return row;
	}

	synchronized void writeTo(Path file) {
		StringBuilder md = new StringBuilder();
		md.append("# Reliability: delivery guarantees under fault injection\n\n")
			.append("Written by `system-tests` (`DeliveryGuaranteesSystemTest`) on every run of the test command; ")
			.append("last run ")
			.append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
			.append(" on ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores, Java ")
			.append(System.getProperty("java.version"))
			.append(".\n\n")
			.append("Each scenario posts investment conferences over HTTP under an agreement of its own while it ")
			.append("breaks something, then waits until the system has settled and reads the effects where a user ")
			.append("sees them: the activities activity-service stores, the conference count on reporting-service's ")
			.append("dashboard, and the e-mails the other party's contact received in the SMTP capture.\n\n")
			.append("- **accepted**: requests answered 201; **refused**: other answers by status (0: no connection, ")
			.append("the service was down), which the client knows were not taken.\n")
			.append("- **stored**: activities activity-service holds (can exceed accepted by a request cut off by a ")
			.append("crash after it was stored: the client saw no answer).\n")
			.append("- **lost**: accepted but not stored, stored but not on the dashboard, stored but never mailed.\n")
			.append("- **duplicated**: counted or mailed more than once.\n")
			.append("- **drain**: from the end of the fault (or of the load) until every effect was there.\n\n")
			.append("| scenario | accepted | refused | stored | on dashboard | e-mails | lost | duplicated | drain | notes |\n")
			.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
		for (Row row : this.rows) {
			md.append("| %s | %d | %s | %d | %d | %d | %d | %d | %.1f s | %s |\n".formatted(row.scenario(),
					row.accepted(), row.refused(), row.stored(), row.onDashboard(), row.mails(), row.lost(),
					row.duplicates(), row.drain().toMillis() / 1000.0, row.notes()));
		}
		long lost = this.rows.stream().mapToLong(Row::lost).sum();
		long duplicates = this.rows.stream().mapToLong(Row::duplicates).sum();
		md.append("\nTotal: ").append(lost).append(" lost, ").append(duplicates).append(" duplicated effects.\n");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, md, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Row(String scenario, int accepted, String refused, int stored, int onDashboard, long mails, long lost,
			long duplicates, Duration drain, String notes) {
	}

}
