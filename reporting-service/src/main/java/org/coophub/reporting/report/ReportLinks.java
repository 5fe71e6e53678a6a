package org.coophub.reporting.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.coophub.platform.problem.ForbiddenException;

import org.coophub.platform.secret.RefusedConfigurationException;
import org.coophub.platform.secret.RequiredSecret;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links that open one annual report without a dashboard session, for the parties' mail:
 * {@code /reports/{agreementId}/{year}?expires=<epoch seconds>&sig=<HMAC-SHA256>}, the
 * signature over agreement, year and expiry with {@code coophub.reports.link-key}. A link
 * names one report only and stops working at its expiry
 * ({@code coophub.reports.link-validity} after it was issued, 30 days by default).
 */
@Component
public class ReportLinks {

	static final String PATH = "/reports/";

	private static final String ALGORITHM = "HmacSHA256";

	private static final String PROPERTY = "coophub.reports.link-key";

	private final SecretKeySpec key;

	private final Duration validity;

	private final Clock clock;

	ReportLinks(@Value("${coophub.reports.link-key:}") String key,
			@Value("${coophub.reports.link-validity:30d}") Duration validity, Clock clock) {
		// no default: a known key would let anyone read every report
		RequiredSecret.check(PROPERTY, key);
		if (key.strip().length() < 16) {
			throw new RefusedConfigurationException(PROPERTY, "must be a secret of at least 16 characters");
		}
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.validity = validity;
		this.clock = clock;
	}

	/**
	 * A link valid from now for the configured validity.
	 * @param agreementId the agreement
	 * @param year the report's year
	 * @return the link
	 */
	public Link issue(String agreementId, int year) {
		return link(agreementId, year, this.clock.instant().plus(this.validity).truncatedTo(ChronoUnit.SECONDS));
	}

	/**
	 * A link that stops working at the given moment.
	 * @param agreementId the agreement
	 * @param year the report's year
	 * @param expires when it stops working
	 * @return the link
	 */
	public Link link(String agreementId, int year, Instant expires) {
		long seconds = expires.getEpochSecond();
		String path = PATH + URLEncoder.encode(agreementId, StandardCharsets.UTF_8) + "/" + year + "?expires=" + seconds
				+ "&sig=" + signature(agreementId, year, seconds);
		return new Link(path, Instant.ofEpochSecond(seconds));
	}

	/**
	 * Lets the request through only with this service's signature for this report, before
	 * its expiry.
	 * @throws ForbiddenException otherwise
	 */
	void verify(String agreementId, int year, long expires, String signature) {
		byte[] expected = signature(agreementId, year, expires).getBytes(StandardCharsets.US_ASCII);
		byte[] given = (signature != null) ? signature.getBytes(StandardCharsets.US_ASCII) : new byte[0];
		if (!MessageDigest.isEqual(expected, given)) {
			throw new ForbiddenException("The link's signature is not valid for this report",
					"reporting.report-link.signature");
		}
		if (!this.clock.instant().isBefore(Instant.ofEpochSecond(expires))) {
			throw new ForbiddenException("The link expired; ask for a new one or sign in to the dashboard",
					"reporting.report-link.expired");
		}
	}

	private String signature(String agreementId, int year, long expires) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			byte[] digest = mac.doFinal((agreementId + "\n" + year + "\n" + expires).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A signed link.
	 *
	 * @param path the path with its query, relative to reporting-service
	 * @param expiresAt when it stops working
	 */
	public record Link(String path, Instant expiresAt) {

	}

}
