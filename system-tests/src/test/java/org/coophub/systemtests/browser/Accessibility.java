package org.coophub.systemtests.browser;

import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * axe-core's accessibility rules (WCAG 2.x A and AA, and axe's best practices) run on the
 * page a browser shows; axe's script comes from the axe-core Selenium jar, nothing is
 * downloaded.
 */
public final class Accessibility {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private Accessibility() {
	}

	/**
	 * The serious and critical violations on the page now shown, each as
	 * {@code rule (impact): help – the elements' selectors}; empty when none.
	 */
	public static List<String> seriousViolations(Browser browser) {
		Results results = new AxeBuilder()
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
			.analyze(browser.driver());
		if (results.isErrored() || results.getPasses().isEmpty()) {
			throw new IllegalStateException("axe-core checked nothing: " + results.getErrorMessage());
		}
		return results.getViolations()
			.stream()
			.filter((rule) -> BLOCKING.contains(rule.getImpact()))
			.map(Accessibility::describe)
			.toList();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " – "
				+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
	}

}
