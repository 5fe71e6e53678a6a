package org.coophub.systemtests.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the attack sweep tried and whether each attempt was refused ("held"), by category,
 * written out as a Markdown table: a failing case names itself, so the assertion message
 * says which hole is open.
 */
final class AttackLedger {

	private final Map<String, List<Attempt>> byCategory = new LinkedHashMap<>();

	/**
	 * Notes one attempt.
	 * @param category what kind of attack (the table's row)
	 * @param name the attempt, as the failure message shows it
	 * @param held whether it was refused as it must be
	 * @param answer what the service answered, for a failing case
	 */
	void attempt(String category, String name, boolean held, String answer) {
		this.byCategory.computeIfAbsent(category, (key) -> new ArrayList<>())
			.add(new Attempt(name, held, shorten(answer)));
	}

	int tried() {
		return this.byCategory.values().stream().mapToInt(List::size).sum();
	}

	/** The attempts that got through, one line each: category, attempt, answer. */
	List<String> failures() {
		List<String> failures = new ArrayList<>();
		this.byCategory.forEach((category, attempts) -> attempts.stream()
			.filter((attempt) -> !attempt.held())
			.forEach((attempt) -> failures.add(category + ": " + attempt.name() + " -> " + attempt.answer())));
		return failures;
	}

	String markdown() {
		StringBuilder table = new StringBuilder();
		table.append("| category | tried | held |\n| --- | ---: | ---: |\n");
		int held = 0;
		for (Map.Entry<String, List<Attempt>> category : this.byCategory.entrySet()) {
			long categoryHeld = category.getValue().stream().filter(Attempt::held).count();
			held += (int) categoryHeld;
			table.append("| ")
				.append(category.getKey())
				.append(" | ")
				.append(category.getValue().size())
				.append(" | ")
				.append(categoryHeld)
				.append(" |\n");
		}
		table.append("| **total** | **").append(tried()).append("** | **").append(held).append("** |\n");
		List<String> failures = failures();
		if (!failures.isEmpty()) {
			table.append("\nGot through:\n\n");
			failures.forEach((failure) -> table.append("- ").append(failure.replace("|", "\\|")).append('\n'));
		}
		table.append("\nAttempts:\n\n");
		this.byCategory.forEach((category, attempts) -> {
			table.append("- ").append(category).append(": ");
			table.append(String.join("; ",
					attempts.stream().map((attempt) -> (attempt.held() ? "" : "NOT HELD ") + attempt.name()).toList()));
			table.append('\n');
		});
		return table.toString();
	}

	void writeTo(Path file, Duration took) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, "# Attack sweep\n\nAgainst the running local stack, over HTTP, in "
					+ took.toSeconds() + " s.\n\n" + markdown(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String shorten(String answer) {
		if (answer == null) {
			return "";
		}
		String oneLine = answer.replaceAll("\\s+", " ");
		return (oneLine.length() > 300) ? oneLine.substring(0, 300) + "…" : oneLine;
	}

	private record Attempt(String name, boolean held, String answer) {
	}

}
