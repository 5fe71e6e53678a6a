package org.coophub.identity;

import java.time.Duration;
import java.util.List;

import org.coophub.platform.secret.RequiredSecret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The {@code coophub.identity.*} settings; their values and what they are for are in
 * application.yml. The secrets have no default: they come from the environment, and a
 * missing one or a placeholder stops the start, naming the property.
 *
 * @param demoUsers whether to create the demo users when missing (off unless set)
 * @param demoPassword the demo users' password, needed only when they are on
 * @param scriptsSecret the client secret of {@code coophub-scripts}
 * @param workspaceSecret the client secret of {@code coophub-workspace}, the staff's
 * workspace ({@code coophub.workspace.client-secret} there)
 * @param workspaceRedirectUris where the workspace may receive authorization codes
 * @param accessTokenTtl how long an access token is valid
 * @param apiAudience the audience of every access token, which the services require
 * ({@code coophub.security.audience} there)
 * @param keyEncryptionKey encrypts the signing keys' private parts in MongoDB: 32 random
 * bytes, base64
 * @param keyRotation how old the signing key may get before a new one replaces it; zero:
 * only when an admin rotates it
 */
@ConfigurationProperties("coophub.identity")
public record IdentityProperties(boolean demoUsers, String demoPassword, String scriptsSecret, String workspaceSecret,
		List<String> workspaceRedirectUris, Duration accessTokenTtl, @DefaultValue("coophub-api") String apiAudience,
		String keyEncryptionKey, @DefaultValue("P90D") Duration keyRotation) {

	public IdentityProperties {
		// fail at start rather than register a client nobody can use
		Assert.notEmpty(workspaceRedirectUris, "coophub.identity.workspace-redirect-uris must not be empty");
		RequiredSecret.check("coophub.identity.scripts-secret", scriptsSecret);
		RequiredSecret.check("coophub.identity.workspace-secret", workspaceSecret);
		// AES-256: checked here too, so a bad value stops the start before MongoDB is
		// asked
		RequiredSecret.checkKey("coophub.identity.key-encryption-key", keyEncryptionKey, 32);
		if (demoUsers) {
			RequiredSecret.check("coophub.identity.demo-password", demoPassword);
		}
		Assert.notNull(accessTokenTtl, "coophub.identity.access-token-ttl must be set");
		Assert.hasText(apiAudience, "coophub.identity.api-audience must not be empty");
		workspaceRedirectUris = List.copyOf(workspaceRedirectUris);
	}

	/** Leaves the secrets out: the properties may end up in a log or an error message. */
	@Override
	public String toString() {
		return "IdentityProperties[demoUsers=" + this.demoUsers + ", workspaceRedirectUris="
				+ this.workspaceRedirectUris + ", accessTokenTtl=" + this.accessTokenTtl + ", apiAudience="
				+ this.apiAudience + ", keyRotation=" + this.keyRotation + "]";
	}

}
