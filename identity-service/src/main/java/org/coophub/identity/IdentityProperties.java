package org.coophub.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * The {@code coophub.identity.*} settings; their values and what they are for are in
 * application.yml.
 *
 * @param demoUsers whether to create the demo users when missing
 * @param demoPassword the demo users' password
 * @param dashboardRedirectUris where the dashboard may receive authorization codes
 * @param scriptsSecret the client secret of {@code coophub-scripts}
 * @param accessTokenTtl how long an access token is valid
 */
@ConfigurationProperties("coophub.identity")
public record IdentityProperties(boolean demoUsers, String demoPassword, List<String> dashboardRedirectUris,
		String scriptsSecret, Duration accessTokenTtl) {

	public IdentityProperties {
		// fail at start rather than register a client nobody can use
		Assert.notEmpty(dashboardRedirectUris, "coophub.identity.dashboard-redirect-uris must not be empty");
		Assert.hasText(scriptsSecret, "coophub.identity.scripts-secret must be set");
		Assert.notNull(accessTokenTtl, "coophub.identity.access-token-ttl must be set");
		Assert.isTrue(!demoUsers || (demoPassword != null && !demoPassword.isBlank()),
				"coophub.identity.demo-password must be set when demo users are on");
		dashboardRedirectUris = List.copyOf(dashboardRedirectUris);
	}

	/** Leaves the secrets out: the properties may end up in a log or an error message. */
	@Override
	public String toString() {
		return "IdentityProperties[demoUsers=" + this.demoUsers + ", dashboardRedirectUris="
				+ this.dashboardRedirectUris + ", accessTokenTtl=" + this.accessTokenTtl + "]";
	}

}
