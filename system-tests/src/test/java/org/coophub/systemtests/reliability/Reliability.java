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
				effects.onDashboard(), effects.mails(), lost, duplicates, effects.resentCopies(), drain, notes);
		this.rows.add(row);
		return row;
	}

	synchronized void writeTo(Path file) {
		StringBuilder md = new StringBuilder();
		md.append("# Reliability: delivery guarantees under fault injection\n\n")
			.append("Written by `system-tests` (`DeliveryGuaranteesSystemTest`) to `system-tests/target/reliability.md` on every run of the test command; ")
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
			.append("- **duplicated**: counted more than once, or two different e-mails about one activity.\n")
			.append("- **resent**: the same e-mail (same `Message-ID`) delivered again: a crash cut a send off after ")
			.append("the SMTP server took it and before the ledger recorded it, which SMTP gives no way to find ")
			.append("out; mail clients show the copies as one. Allowed only where notification-service is killed ")
			.append("or MongoDB goes away under it.\n")
			.append("- **drain**: from the end of the fault (or of the load) until every effect was there.\n\n")
			.append("| scenario | accepted | refused | stored | on dashboard | e-mails | lost | duplicated | resent | drain | notes |\n")
			.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
		for (Row row : this.rows) {
			md.append("| %s | %d | %s | %d | %d | %d | %d | %d | %d | %.1f s | %s |\n".formatted(row.scenario(),
					row.accepted(), row.refused(), row.stored(), row.onDashboard(), row.mails(), row.lost(),
					row.duplicates(), row.resent(), row.drain().toMillis() / 1000.0, row.notes()));
		}
		long lost = this.rows.stream().mapToLong(Row::lost).sum();
		long duplicates = this.rows.stream().mapToLong(Row::duplicates).sum();
		long resent = this.rows.stream().mapToLong(Row::resent).sum();
		md.append("\nTotal: ")
			.append(lost)
			.append(" lost, ")
			.append(duplicates)
			.append(" duplicated effects, ")
			.append(resent)
			.append(" e-mails resent after a crash.\n");
		md.append(
				"""

						## What makes it hold

						- The outbox in the aggregate's own document (docs/architecture.md): an HTTP write is one single-document
						  update carrying its events; the relay publishes right after (a document always on the same relay
						  lane, so its events keep their order), the poller hands what a broker outage left back to the
						  relay every second, and a sweep at start and every minute finds what a crash left
						  (`coophub.outbox.backlog` shows the backlog per collection).
						- Projections apply an event only when its version is newer; e-mails are keyed per send and claimed
						  with `findAndModify` before sending, so replays, republished records and a second instance change
						  nothing. A claim is a lease (`coophub.mail.claim-lease`, 60 s): a send whose instance died
						  before recording it goes out again after the lease, with the same `Message-ID`, so a crash
						  mid-send delays the e-mail instead of losing it.
						- Unreadable records (bad JSON, unknown type) go to `error.<topic>.<group>` at once; a record a
						  handler refuses is retried (`max-attempts`) and then dead-lettered with `x-exception-*` headers;
						  the partition keeps flowing.
						- A record that fails because MongoDB is away is not dead-lettered: `EventRouter` retries it with
						  back-off for up to two minutes (inside Kafka's five-minute poll interval), so an outage delays
						  effects instead of losing them. HTTP requests meanwhile get 503 problem+json within about 3 s.
						- A record that refers to what has not arrived yet on another topic (an activity whose agreement
						  notification-service does not know yet) is parked in the service's `parkedEvents` collection
						  and routed again with a growing pause (at most a minute) until it goes through
						  (`coophub.events.parked` shows how many wait). Waiting on the consumer thread instead lost a
						  notice in CI: the waiting consumer cannot rejoin a rebalance of its group, which holds up the
						  agreement topic it waits for, until its attempts ran out and the record was dead-lettered.
						- The MongoDB outage here stops the one MongoDB-wire server every service of the local stack
						  shares: an outage under all four services at once, a harder case than under one.

						Bad input: `BadInputSweepSystemTest` sends malformed JSON, wrong types, missing fields, over-long
						strings, a 10 MB body, invalid UTF-8, out-of-range numbers and MongoDB operators to every operation
						with a body in every service's OpenAPI document, operator and script injections to every query
						parameter, and an encoded path traversal to every path with an id. Every answer is a 4xx
						problem+json without a stack trace (or, for a query, an empty result), and no record reaches
						agreement-events or activity-events.
						""");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, md, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Row(String scenario, int accepted, String refused, int stored, int onDashboard, long mails, long lost,
			long duplicates, long resent, Duration drain, String notes) {
	}

}
