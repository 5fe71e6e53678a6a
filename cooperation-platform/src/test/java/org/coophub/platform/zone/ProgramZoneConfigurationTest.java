package org.coophub.platform.zone;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code coophub.program.zone} becomes the one {@link ProgramZone} bean, and the
 * platform's defaults and {@link ProgramZone#DEFAULT} name the same zone.
 */
class ProgramZoneConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProgramZoneConfiguration.class));

	@Test
	void theConfiguredZone() {
		this.context.withPropertyValues("coophub.program.zone=Europe/Paris")
			.run((started) -> assertThat(started).getBean(ProgramZone.class)
				.extracting(ProgramZone::id)
				.isEqualTo(ZoneId.of("Europe/Paris")));
	}

	@Test
	void anUnknownZoneStopsTheStart() {
		this.context.withPropertyValues("coophub.program.zone=Mars/Olympus")
			.run((started) -> assertThat(started).hasFailed());
	}

	@Test
	void theDefaultsFileNamesTheDefaultZone() throws IOException {
		Properties defaults = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/coophub-platform-defaults.properties")) {
			defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		assertThat(ZoneId.of(defaults.getProperty("coophub.program.zone"))).isEqualTo(ProgramZone.DEFAULT.id());
	}

	@Test
	void aRecordsOwnZoneWinsAndAnUnknownOneFallsBack() {
		ProgramZone zone = new ProgramZone(ZoneId.of("Asia/Ho_Chi_Minh"));
		assertThat(zone.or("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(zone.or(null)).isEqualTo(zone.id());
		assertThat(zone.or(" ")).isEqualTo(zone.id());
		assertThat(zone.or("Mars/Olympus")).isEqualTo(zone.id());
	}

	@Test
	void todayIsTheZonesDate() {
		// 18:00 UTC on 4 December is already 5 December in Ho Chi Minh City (UTC+7)
		Clock clock = Clock.fixed(Instant.parse("2026-12-04T18:00:00Z"), ZoneId.of("UTC"));
		assertThat(new ProgramZone(ZoneId.of("Asia/Ho_Chi_Minh")).today(clock)).isEqualTo(LocalDate.of(2026, 12, 5));
	}

}
