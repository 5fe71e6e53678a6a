package org.coophub.localstack.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's lines for the person at the terminal (URLs, progress, errors), through a
 * logger named {@code console} that prints the bare message.
 */
final class Console {

	private static final Logger console = LoggerFactory.getLogger("console");

	private Console() {
	}

	static void print(String line) {
		console.info(line);
	}

	static void error(String line) {
		console.error(line);
	}

}
