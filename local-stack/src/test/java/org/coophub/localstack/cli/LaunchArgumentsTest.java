package org.coophub.localstack.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchArgumentsTest {

	@Test
	void clocksAreAdjustableOnlyWhenAskedFor() {
		assertThat(LaunchArguments.parse("--adjustable-clocks").adjustableClocks()).isTrue();
		assertThat(LaunchArguments.parse().adjustableClocks()).isFalse();
	}

	@Test
	void refusesAnUnknownOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchArguments.parse("--frseh"))
			.withMessageContaining("--frseh");
	}

}
