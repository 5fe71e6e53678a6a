package org.coophub.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkOptionsTest {

	@Test
	void byDefaultTheGrownSystemIsLoadedFirstAndTheServicesStartAsDeployed() {
		BenchmarkOptions options = BenchmarkOptions.parse();
		assertThat(options.phases()).containsExactly("preload", "limits", "pipeline", "scale", "reminders");
		assertThat(options.scaleAgreements() * options.scalePerAgreement()).isEqualTo(100_000);
		assertThat(options.preloadSchedules()).isEqualTo(10_000);
		// issue 17's target rate is one of the steps, so the report can say it was held
		assertThat(options.rates()).startsWith(50, 100, 200, 300, 400);
		assertThat(options.serviceJvmOptions()).containsExactly("-XX:MaxRAMPercentage=75", "-Xmx256m",
				"-Dfile.encoding=UTF-8");
		assertThat(options.serviceJvmOptions()).noneMatch((option) -> option.startsWith("-XX:TieredStopAtLevel"));
		assertThat(Preload.describe(options, true)).startsWith("1000 agreements × 100 activities")
			.contains("10000 review schedules (1000 of those agreements, 9000 more agreements without activities)")
			.contains("every run, into its fresh stack");
		assertThat(Preload.describe(options, false)).contains("loaded at the start of run 1");
	}

	@Test
	void quickLoadsATenthAndTheSizesCanBeGiven() {
		BenchmarkOptions quick = BenchmarkOptions.parse("--quick");
		assertThat(quick.scaleAgreements() * quick.scalePerAgreement()).isEqualTo(10_000);
		assertThat(quick.preloadSchedules()).isEqualTo(1_000);

		BenchmarkOptions tiny = BenchmarkOptions.parse("--quick", "--scale=20:5", "--schedules=40",
				"--service-jvm-options=-Xmx128m -XX:+UseSerialGC");
		assertThat(tiny.scaleAgreements()).isEqualTo(20);
		assertThat(tiny.scalePerAgreement()).isEqualTo(5);
		assertThat(tiny.preloadSchedules()).isEqualTo(40);
		assertThat(tiny.serviceJvmOptions()).containsExactly("-Xmx128m", "-XX:+UseSerialGC");
	}

}
