package org.coophub.systemtests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.coophub.localstack.LocalStack;
import org.coophub.systemtests.SharedStack;

/**
 * One browser per demo user for every browser test of the run, signed in to the shared
 * stack's workspace on first use (in Vietnamese) and closed when the test JVM exits:
 * starting Chromium and signing in once per user instead of per class keeps the system
 * tests within their time budget. A test leaves the browser signed in; it sets the
 * language and window size it needs.
 */
public final class SignedInBrowsers {

	private static final Map<String, Workspace> BY_USER = new LinkedHashMap<>();

	private static boolean hooked;

	private SignedInBrowsers() {
	}

	/**
	 * The user's browser on the shared stack's workspace, signed in.
	 * @param user a demo user ({@link LocalStack#DEMO_USERS})
	 */
	public static synchronized Workspace of(String user) {
		Workspace workspace = BY_USER.get(user);
		if (workspace == null) {
			LocalStack stack = SharedStack.get();
			Browser browser;
			try {
				browser = Browser.start("vi");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			try {
				workspace = Workspace.signIn(stack, browser, user, "vi");
			}
			catch (RuntimeException | AssertionError ex) {
				browser.close();
				throw ex;
			}
			BY_USER.put(user, workspace);
			if (!hooked) {
				hooked = true;
				Runtime.getRuntime().addShutdownHook(new Thread(SignedInBrowsers::closeAll, "browsers-stop"));
			}
		}
		return workspace;
	}

	private static synchronized void closeAll() {
		BY_USER.values().forEach((workspace) -> workspace.browser().close());
		BY_USER.clear();
	}

}
