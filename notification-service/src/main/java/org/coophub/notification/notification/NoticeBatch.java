package org.coophub.notification.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coophub.notification.directory.AgreementParties;
import org.coophub.notification.directory.Directory;

/**
 * The notices of a poll's activity events, planned together: the parties of every
 * agreement the poll names read in one command when its first record asks for any (in a
 * handler, so a failure of the store is waited out as the handler's), the notices that go
 * out inserted claimed with one unordered bulk insert when it is written (those whose
 * send key existed, a redelivered event, neither planned nor sent again), the SUPPRESSED
 * ones with another. Used on the consumer thread of the poll only.
 */
public final class NoticeBatch implements NoticePlans {

	private final Directory directory;

	private final NotificationLedger ledger;

	private final NotificationDispatcher dispatcher;

	/** The agreements the poll names, until its first record asks for one. */
	private final Set<String> ahead = new LinkedHashSet<>();

	/** Every agreement read so far, known or not. */
	private final Set<String> read = new HashSet<>();

	private final Map<String, AgreementParties> parties = new LinkedHashMap<>();

	private final Map<String, Notification> toSend = new LinkedHashMap<>();

	private final Map<String, Notification> unsent = new LinkedHashMap<>();

	NoticeBatch(Collection<String> agreementIds, Directory directory, NotificationLedger ledger,
			NotificationDispatcher dispatcher) {
		this.directory = directory;
		this.ledger = ledger;
		this.dispatcher = dispatcher;
		this.ahead.addAll(agreementIds);
	}

	/**
	 * The first call reads every agreement the poll names; one its keys did not name is
	 * read on its own, once.
	 */
	@Override
	public Optional<AgreementParties> parties(String agreementId) {
		if (!this.ahead.isEmpty()) {
			this.parties.putAll(this.directory.withParties(this.ahead));
			this.read.addAll(this.ahead);
			this.ahead.clear();
		}
		if (this.read.add(agreementId)) {
			this.directory.withParties(agreementId).ifPresent((found) -> this.parties.put(agreementId, found));
		}
		return Optional.ofNullable(this.parties.get(agreementId));
	}

	/** Kept until {@link #write()}; a second notice under one send key is the first's. */
	@Override
	public void sendSoon(Notification notice) {
		this.toSend.putIfAbsent(notice.id(), notice);
	}

	@Override
	public void keepUnsent(Notification notice) {
		this.unsent.putIfAbsent(notice.id(), notice);
	}

	/**
	 * Plans what the poll kept: the SUPPRESSED entries, then the notices, claimed and
	 * handed to the dispatcher as inserted. Written again after a failure of the store, a
	 * notice the failed attempt inserted counts as existing and is not handed over: it is
	 * SENDING under this instance's lease, and the dispatcher's poll takes it over once
	 * the lease ran out, as after a crash.
	 */
	public void write() {
		this.ledger.planAll(List.copyOf(this.unsent.values()));
		this.unsent.clear();
		this.dispatcher.planAllAndSendSoon(new ArrayList<>(this.toSend.values()));
		this.toSend.clear();
	}

}
