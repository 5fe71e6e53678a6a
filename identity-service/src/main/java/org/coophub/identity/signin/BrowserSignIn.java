package org.coophub.identity.signin;

import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Where a browser that is not signed in goes: the login page. API clients get a 401.
 */
public final class BrowserSignIn {

	private BrowserSignIn() {
	}

	/** Sends browsers (they accept HTML) that need to sign in to {@code /login}. */
	public static void sendBrowsersToTheLoginPage(HttpSecurity http) throws Exception {
		http.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
				new LoginUrlAuthenticationEntryPoint(SignInThrottle.LOGIN), browsers()));
	}

	private static MediaTypeRequestMatcher browsers() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		// "Accept: */*" (curl, HTTP client libraries) is no sign of a browser
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return html;
	}

}
