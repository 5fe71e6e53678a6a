package org.coophub.systemtests.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One person's browser on the workspace of the local stack: signed in as a demo user
 * through identity-service's form, as that person would, at the workspace's address for
 * browsers ({@link LocalStack#workspaceUrl()}, 127.0.0.1 like the issuer). Pages are
 * opened by their file name and waited for until they have drawn what they loaded.
 */
public final class Workspace {

	public static final Duration PROPAGATION = Duration.ofSeconds(60);

	/** Every page of the workspace, the dashboard first. */
	public static final List<String> PAGES = List.of("index.html", "activities.html", "agreements.html",
			"organizations.html", "import.html", "calendar.html", "follow-ups.html", "ledger.html");

	/**
	 * Counts the page's requests in flight, so that a test knows when what a page loads
	 * has come: the page's own {@code fetch} is wrapped before any of its scripts runs.
	 */
	private static final String COUNT_FETCHES = """
			(() => {
			  window.__coophubFetches = 0;
			  const original = window.fetch;
			  window.fetch = function (...args) {
			    window.__coophubFetches++;
			    return original.apply(this, args).finally(() => { window.__coophubFetches--; });
			  };
			})();
			""";

	private final LocalStack stack;

	private final Browser browser;

	private final String user;

	private Workspace(LocalStack stack, Browser browser, String user) {
		this.stack = stack;
		this.browser = browser;
		this.user = user;
	}

	/**
	 * Opens the workspace in the browser, which is sent to identity-service's sign-in
	 * form: fills it in as the user would, and waits to be back on the dashboard, signed
	 * in.
	 * @param browser a browser of its own (no other user's cookies)
	 * @param user a demo user ({@link LocalStack#DEMO_USERS})
	 * @param signInLanguage the language the sign-in form must be in ({@code vi},
	 * {@code en})
	 */
	public static Workspace signIn(LocalStack stack, Browser browser, String user, String signInLanguage) {
		Workspace workspace = new Workspace(stack, browser, user);
		browser.onEveryPage(COUNT_FETCHES);
		browser.navigate(workspace.url("index.html"));
		workspace.signInOnTheForm(signInLanguage);
		return workspace;
	}

	/**
	 * Fills in identity-service's sign-in form the browser was sent to, and waits to be
	 * back on the workspace's dashboard, signed in.
	 * @param language the language the form must be in
	 */
	public void signInOnTheForm(String language) {
		await().atMost(PROPAGATION)
			.ignoreExceptions()
			.alias("the workspace sends a browser without a session to identity-service's sign-in form")
			.until(() -> this.browser.text("String(document.querySelector('input[name=username]') !== null)"),
					"true"::equals);
		assertThat(this.browser.text("location.origin")).as("the sign-in form is identity-service's")
			.isEqualTo(this.stack.identityIssuer().toString());
		assertThat(this.browser.text("document.documentElement.lang")).as("the sign-in form's language")
			.startsWith(language);
		this.browser.find(By.name("username")).sendKeys(this.user);
		this.browser.find(By.name("password")).sendKeys(LocalStack.DEMO_PASSWORD);
		this.browser.find(By.name("password")).submit();
		await().atMost(PROPAGATION)
			.ignoreExceptions()
			.alias("back on the workspace, signed in as " + this.user)
			.until(() -> this.browser.text("location.origin + ' ' + (document.body.dataset.role ?? '')"),
					(where) -> where.startsWith(this.stack.workspaceUrl() + " ") && !where.endsWith(" "));
		assertThat(this.browser.path()).isIn("/", "/index.html");
		assertThat(this.browser.text("document.cookie")).as("the session cookie is HttpOnly")
			.doesNotContain("COOPHUB_WORKSPACE_SESSION");
		awaitSettled();
	}

	public Browser browser() {
		return this.browser;
	}

	public String user() {
		return this.user;
	}

	/** The address of a page or API path of the workspace, e.g. {@code calendar.html}. */
	public String url(String page) {
		return this.stack.workspaceUrl().resolve("/" + page).toString();
	}

	/** Opens a page and waits until it has drawn what it loaded. */
	public void open(String page) {
		this.browser.navigate(url(page));
		awaitSettled();
	}

	/**
	 * Opens a page in a new window of the same browser (same session), which becomes the
	 * current one.
	 * @return the window's handle
	 */
	public String openInNewWindow(String page) {
		String window = this.browser.newWindow();
		// the counter of requests is set up per window
		this.browser.onEveryPage(COUNT_FETCHES);
		open(page);
		return window;
	}

	/**
	 * Waits until the page knows who is signed in, none of its requests is in flight, and
	 * it has painted.
	 */
	public void awaitSettled() {
		await().atMost(PROPAGATION)
			.ignoreExceptions()
			.alias("the page " + this.browser.path() + " has loaded its data")
			.until(() -> {
				boolean quiet = "true".equals(this.browser.text("String(document.readyState === 'complete'"
						+ " && !!document.body.dataset.role && window.__coophubFetches === 0"
						+ " && !document.querySelector('[aria-busy=true]'))"));
				if (!quiet) {
					return false;
				}
				this.browser.awaitPaint();
				return "0".equals(this.browser.text("String(window.__coophubFetches)"));
			});
	}

	/**
	 * Switches the page's language with the header's switch, as a user does (the choice
	 * is remembered in the cookie {@code coophub-lang}).
	 */
	public void language(String language) {
		this.browser.run("document.querySelector('[data-lang=\"" + language + "\"]').click()");
		await().atMost(PROPAGATION).until(() -> this.browser.text("document.documentElement.lang"), language::equals);
		awaitSettled();
	}

	/**
	 * A request from the page, through the workspace, with the session cookie and the
	 * CSRF header the shell sends: what a person could send from their browser's console.
	 * @param headers more headers, e.g. {@code If-Match}; {@code Content-Type} is JSON
	 * unless given
	 * @return the status and the body, {@code "<status> <body>"}
	 */
	public String fetch(String method, String path, String body, Map<String, String> headers) {
		Object answer = this.browser.async("""
				const xsrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
				fetch(args[1], {method: args[0], credentials: 'same-origin',
				    headers: Object.assign({'Content-Type': 'application/json', 'Accept': 'application/json',
				      'X-XSRF-TOKEN': xsrf ? decodeURIComponent(xsrf.substring(11)) : ''}, args[3]),
				    body: args[2]})
				  .then(async (r) => done(r.status + ' ' + await r.text()))
				  .catch((e) => done('0 ' + e));
				""", method, path, body, headers);
		return String.valueOf(answer);
	}

	/** {@link #fetch(String, String, String, Map)} with a JSON body. */
	public String fetch(String method, String path, String json) {
		return fetch(method, path, json, Map.of());
	}

	/**
	 * Waits until the condition holds, as Awaitility does; when it does not within
	 * {@link #PROPAGATION}, fails with what the page shows (its address, status message
	 * and problems), which says more than the condition.
	 */
	public void awaitUntil(String what, Callable<Boolean> condition) {
		try {
			await().atMost(PROPAGATION).ignoreExceptions().alias(what).until(condition);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(what + " did not happen within " + PROPAGATION.toSeconds() + " s; the page: "
					+ this.browser.text("JSON.stringify({at: location.pathname + location.search + location.hash,"
							+ " status: document.getElementById('app-status')?.textContent,"
							+ " problems: Array.from(document.querySelectorAll('.form-problem:not([hidden]), .field-error'))"
							+ ".map((node) => node.textContent)})"),
					ex);
		}
	}

	/** A full-page screenshot to {@code target/screenshots/<name>.png}. */
	/**
	 * How long the open page took, from navigation: until the load event, and until the
	 * last of its API answers arrived (the event stream left out), in milliseconds. A
	 * measurement for docs/workspace.md, not a test's condition.
	 */
	public long[] loadTimes() {
		long loaded = this.browser.number("Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd)");
		long dataReady = this.browser.number("""
				Math.round(Math.max(0, ...performance.getEntriesByType('resource')
				  .filter((entry) => entry.initiatorType === 'fetch' && !entry.name.includes('/stream'))
				  .map((entry) => entry.responseEnd)))""".replace("\n", " "));
		return new long[] { loaded, Math.max(loaded, dataReady) };
	}

	public Path screenshot(String name) throws IOException {
		Path file = Path.of("target", "screenshots", name + ".png");
		this.browser.screenshot(file);
		return file;
	}

	/** The port identity-service's sign-in form is on. */
	public int identityPort() {
		return this.stack.serviceUrl(StackService.IDENTITY).getPort();
	}

	public URI workspaceUrl() {
		return this.stack.workspaceUrl();
	}

}
