package org.coophub.workspace;

import java.net.URI;

import org.coophub.platform.secret.RequiredSecret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * The {@code coophub.workspace.*} settings; their values and what they are for are in
 * application.yml. The client secret has no default: it comes from the environment, and a
 * missing one or a placeholder stops the start, naming the property.
 *
 * @param clientSecret the secret of the OAuth2 client {@code coophub-workspace} at
 * identity-service ({@code coophub.identity.workspace-secret} there)
 * @param services where each service's API answers
 */
@ConfigurationProperties("coophub.workspace")
public record WorkspaceProperties(String clientSecret, Services services) {

	public WorkspaceProperties {
		RequiredSecret.check("coophub.workspace.client-secret", clientSecret);
		Assert.notNull(services, "coophub.workspace.services must be set");
	}

	/** Leaves the secret out: the properties may end up in a log or an error message. */
	@Override
	public String toString() {
		return "WorkspaceProperties[services=" + this.services + "]";
	}

	/**
	 * The services' base addresses, as the workspace reaches them.
	 *
	 * @param agreement agreement-service
	 * @param activity activity-service
	 * @param reporting reporting-service
	 * @param notification notification-service
	 */
	public record Services(URI agreement, URI activity, URI reporting, URI notification) {

		public Services {
			Assert.notNull(agreement, "coophub.workspace.services.agreement must be set");
			Assert.notNull(activity, "coophub.workspace.services.activity must be set");
			Assert.notNull(reporting, "coophub.workspace.services.reporting must be set");
			Assert.notNull(notification, "coophub.workspace.services.notification must be set");
		}

	}

}
