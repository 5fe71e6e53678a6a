package org.coophub.systemtests.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, each with the {@code job} its selector asks
 * for, if any. A small extractor for the queries of compose/ (not a PromQL parser, which
 * Java has none of): selectors {@code name{...}} first, then bare names, that is
 * identifiers that are neither a function or aggregation (followed by {@code (}) nor a
 * keyword; label names in {@code by (...)}, {@code on (...)} and matchers, strings,
 * ranges and numbers are left out.
 */
final class PromQlMetricNames {

	private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";

	private static final Pattern SELECTOR = Pattern.compile("(?<![a-zA-Z0-9_:])(" + NAME + ")\\s*\\{([^}]*)}");

	private static final Pattern JOB = Pattern.compile("(?<![a-zA-Z0-9_])job\\s*=\\s*\"([^\"]*)\"");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern LABEL_LIST = Pattern
		.compile("(?<![a-zA-Z0-9_:])(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	/**
	 * An identifier not followed by "(" (a call) and not part of a number or duration.
	 */
	private static final Pattern BARE = Pattern.compile("(?<![a-zA-Z0-9_:.])(" + NAME + ")(?![a-zA-Z0-9_:]|\\s*\\()");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan");

	/** Prometheus's histogram and summary series, named after the metric. */
	private static final Pattern SERIES_SUFFIX = Pattern.compile("_(bucket|sum|count)$");

	private PromQlMetricNames() {
	}

	/**
	 * The metrics an expression reads, in order of appearance, repeated as often as they
	 * appear.
	 */
	static List<MetricUse> in(String expression) {
		List<MetricUse> uses = new ArrayList<>();
		StringBuilder rest = new StringBuilder();
		Matcher selector = SELECTOR.matcher(expression);
		while (selector.find()) {
			Matcher job = JOB.matcher(selector.group(2));
			uses.add(new MetricUse(selector.group(1), job.find() ? job.group(1) : null));
			selector.appendReplacement(rest, " ");
		}
		selector.appendTail(rest);
		String bare = LABEL_LIST.matcher(RANGE.matcher(STRING.matcher(rest.toString()).replaceAll(" ")).replaceAll(" "))
			.replaceAll(" ");
		Matcher name = BARE.matcher(bare);
		while (name.find()) {
			if (!KEYWORDS.contains(name.group(1).toLowerCase(Locale.ROOT))) {
				uses.add(new MetricUse(name.group(1), null));
			}
		}
		return uses;
	}

	/**
	 * The metric a series belongs to: {@code x_bucket}, {@code x_sum} and {@code x_count}
	 * are series of {@code x}.
	 */
	static String family(String series) {
		return SERIES_SUFFIX.matcher(series).replaceFirst("");
	}

	/**
	 * A metric an expression reads.
	 *
	 * @param name the metric's (series') name
	 * @param job the job its selector names ({@code job="..."}), null for any
	 */
	record MetricUse(String name, String job) {

	}

}
