package org.coophub.localstack.cli;

import java.time.Duration;
import java.util.List;

import org.coophub.localstack.LocalStack;

/**
 * The launcher's banner for tests in other packages: {@link ReadyBanner} stays
 * package-private.
 */
public final class ReadyBannerLines {

	private ReadyBannerLines() {
	}

	public static List<String> of(LocalStack stack, Duration startup) {
		return ReadyBanner.lines(stack, startup);
	}

}
