package org.coophub.reporting.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.coophub.events.common.LocalizedText;
import org.coophub.platform.problem.ForbiddenException;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.security.Role;
import org.coophub.platform.zone.ProgramZone;
import org.coophub.reporting.calendar.CalendarQueries.AgreementHead;
import org.coophub.reporting.dashboard.DashboardQueries;
import org.coophub.reporting.dashboard.OrganizationName;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Calendar subscriptions by secret URL. Creating one is a write (it opens a calendar to
 * whoever holds the URL, with no token, until it is revoked), so it follows the write
 * rule of every service: an EDITOR for their own organization's calendar or for an
 * agreement their organization is party to (not having declined it), an ADMIN for any; a
 * VIEWER reads the calendar in the workspace but subscribes nothing (403, as every write
 * of a VIEWER). The secret is 32 random bytes (base64url); only its SHA-256 is stored,
 * found through a unique index. The list shows the caller's own feeds; a feed is revoked
 * by its owner or an ADMIN, after which its URL answers 404.
 */
@Component
public class CalendarFeeds {

	/** Where the feeds are served: {@code /calendar/feeds/<secret>.ics}, no token. */
	static final String PATH = "/calendar/feeds/";

	/** A year back and two ahead: what a calendar app shows around today. */
	static final int YEARS_BACK = 1;

	static final int YEARS_AHEAD = 2;

	/** The secret as the URL carries it: 32 bytes, base64url without padding. */
	private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final int SECRET_BYTES = 32;

	/** The key of "Calendar feeds need a signed-in user" in the messages bundles. */
	private static final String SIGNED_IN = "reporting.calendar.signed-in";

	private final MongoTemplate mongo;

	private final CalendarQueries calendar;

	private final DashboardQueries dashboards;

	private final Clock clock;

	private final ProgramZone programZone;

	private final SecureRandom random = new SecureRandom();

	private final AtomicBoolean indexed = new AtomicBoolean();

	CalendarFeeds(MongoTemplate mongo, CalendarQueries calendar, DashboardQueries dashboards, Clock clock,
			ProgramZone programZone) {
		this.mongo = mongo;
		this.calendar = calendar;
		this.dashboards = dashboards;
		this.clock = clock;
		this.programZone = programZone;
	}

	/**
	 * Creates a feed of one organization's or one agreement's calendar.
	 * @param organizationId the organization, or null
	 * @param agreementId the agreement, or null (exactly one of them is given)
	 * @return the feed with its URL, shown this once
	 * @throws RuleViolationException naming the field when it names nothing known
	 * @throws ForbiddenException when the caller may not read that calendar
	 */
	public FeedView create(String organizationId, String agreementId) {
		Actor actor = Actors.current()
			.orElseThrow(() -> new ForbiddenException("Calendar feeds need a signed-in user", SIGNED_IN));
		if (actor.role() == Role.VIEWER) {
			// the API's security refuses a VIEWER's POST already; this says why
			throw new ForbiddenException("A VIEWER reads the calendar but does not subscribe to it",
					"reporting.calendar.viewer");
		}
		LocalizedText name;
		if (organizationId != null) {
			OrganizationName organization = this.calendar.organization(organizationId);
			if (organization == null) {
				throw new RuleViolationException("organizationId", "no organization with this id is known",
						"reporting.calendar.unknown-organization");
			}
			if (actor.role() != Role.ADMIN && !ownOrganization(actor).filter(organizationId::equals).isPresent()) {
				throw new ForbiddenException(
						"Your organization (" + actor.organizationCode() + ") may subscribe to its own calendar only",
						"reporting.calendar.own-organization-only", actor.organizationCode());
			}
			name = organization.name();
		}
		else {
			AgreementHead agreement = this.calendar.agreement(agreementId);
			if (agreement == null || !agreement.known()) {
				throw new RuleViolationException("agreementId", "no agreement with this id is known",
						"reporting.calendar.unknown-agreement");
			}
			if (actor.role() != Role.ADMIN
					&& !ownOrganization(actor).filter((own) -> CalendarQueries.partyTo(agreement, own)).isPresent()) {
				throw new ForbiddenException(
						"Your organization (" + actor.organizationCode() + ") is not a party to this agreement",
						"reporting.calendar.not-a-party", actor.organizationCode());
			}
			String code = agreement.agreement().code();
			LocalizedText title = agreement.agreement().title();
			name = new LocalizedText(code + ((title != null && title.vi() != null) ? " – " + title.vi() : ""),
					code + ((title != null && title.en() != null) ? " – " + title.en() : ""));
		}
		byte[] bytes = new byte[SECRET_BYTES];
		this.random.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		CalendarFeed feed = new CalendarFeed(UUID.randomUUID().toString(), hash(secret), organizationId, agreementId,
				actor.user(), actor.organizationCode(), this.clock.instant());
		this.mongo.insert(feed, collection());
		return view(feed, name, PATH + secret + ".ics");
	}

	/**
	 * The caller's feeds, newest first, without their URLs.
	 * @return the feeds
	 */
	public List<FeedView> mine() {
		Actor actor = Actors.current()
			.orElseThrow(() -> new ForbiddenException("Calendar feeds need a signed-in user", SIGNED_IN));
		return this.mongo
			.find(Query.query(Criteria.where("owner").is(actor.user())).with(Sort.by(Sort.Order.desc("createdAt"))),
					CalendarFeed.class, collection())
			.stream()
			.map((feed) -> view(feed, nameOf(feed), null))
			.toList();
	}

	/**
	 * Revokes a feed: its URL answers 404 from now on.
	 * @param id the feed
	 * @throws NotFoundException when there is no such feed of the caller's (an ADMIN
	 * revokes any)
	 */
	public void revoke(String id) {
		Actor actor = Actors.current()
			.orElseThrow(() -> new ForbiddenException("Calendar feeds need a signed-in user", SIGNED_IN));
		CalendarFeed feed = this.mongo.findById(id, CalendarFeed.class, collection());
		if (feed == null || (actor.role() != Role.ADMIN && !actor.user().equals(feed.owner()))) {
			throw new NotFoundException("Calendar feed", id);
		}
		this.mongo.remove(Query.query(Criteria.where("_id").is(id)), collection());
	}

	/**
	 * The iCalendar text of the feed with this secret, from a year back to two years
	 * ahead.
	 * @param secret the secret from the URL
	 * @return the text
	 * @throws NotFoundException for a secret of no feed (never created, or revoked)
	 */
	public String ics(String secret) {
		CalendarFeed feed = (secret != null && SECRET.matcher(secret).matches()) ? this.mongo.findOne(
				Query.query(Criteria.where("secretHash").is(hash(secret))), CalendarFeed.class, collection()) : null;
		if (feed == null) {
			throw new NotFoundException("Calendar feed", "(secret)");
		}
		LocalDate today = this.programZone.today(this.clock);
		List<CalendarEntry> entries = this.calendar.between(today.minusYears(YEARS_BACK), today.plusYears(YEARS_AHEAD),
				feed.scope());
		LocalizedText name = nameOf(feed);
		String title = "Cooperation Hub" + ((name != null && name.vi() != null) ? " – " + name.vi() : "");
		return IcsFeed.write(title, entries, this.clock.instant());
	}

	private LocalizedText nameOf(CalendarFeed feed) {
		if (feed.organizationId() != null) {
			OrganizationName organization = this.calendar.organization(feed.organizationId());
			return (organization != null) ? organization.name() : null;
		}
		AgreementHead agreement = this.calendar.agreement(feed.agreementId());
		String code = (agreement != null && agreement.known()) ? agreement.agreement().code() : feed.agreementId();
		return new LocalizedText(code, code);
	}

	private Optional<String> ownOrganization(Actor actor) {
		return (actor.organizationCode() != null) ? this.dashboards.organizationIdOfCode(actor.organizationCode())
				: Optional.empty();
	}

	private static FeedView view(CalendarFeed feed, LocalizedText name, String url) {
		return new FeedView(feed.id(),
				(feed.organizationId() != null) ? FeedView.Scope.ORGANIZATION : FeedView.Scope.AGREEMENT,
				feed.organizationId(), feed.agreementId(), name, feed.createdAt(), url);
	}

	private String collection() {
		if (this.indexed.compareAndSet(false, true)) {
			this.mongo.indexOps(CalendarFeed.COLLECTION)
				.createIndex(new Index().on("secretHash", Sort.Direction.ASC).unique().named("secret"));
			this.mongo.indexOps(CalendarFeed.COLLECTION)
				.createIndex(new Index().on("owner", Sort.Direction.ASC).named("owner"));
		}
		return CalendarFeed.COLLECTION;
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
