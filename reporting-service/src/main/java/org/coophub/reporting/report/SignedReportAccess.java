package org.coophub.reporting.report;

import java.util.List;

import org.coophub.platform.security.ApiSecurityConfiguration.OpenPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Annual reports by signed link (the parties' mail) open without a token: the signature
 * is the permission, checked by {@link SignedReportController}. Everything else this
 * service serves needs a bearer token; people reach it through the workspace, which
 * relays theirs.
 */
@Configuration(proxyBeanMethods = false)
class SignedReportAccess {

	@Bean
	OpenPaths signedReportLinks() {
		return new OpenPaths(List.of(ReportLinks.PATH + "**"));
	}

}
